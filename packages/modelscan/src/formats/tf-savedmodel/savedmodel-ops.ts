/**
 * TensorFlow ops a served model has no business running, by what they do. The lists follow
 * TensorFlow's op registry (core/ops/io_ops.cc, script_ops.cc, summary_ops.cc, dataset ops,
 * debug ops); see docs/model-formats.md for why each group is there.
 */

/** Call back into Python functions of the serving process. */
export const PYTHON_OPS = new Set(["PyFunc", "PyFuncStateless", "EagerPyFunc"]);

/** Read files or other data sources named at run time. */
export const FILE_READ_OPS = new Set([
  "ReadFile",
  "MatchingFiles",
  "ImmutableConst",
  "WholeFileReader",
  "WholeFileReaderV2",
  "TextLineReader",
  "TextLineReaderV2",
  "FixedLengthRecordReader",
  "FixedLengthRecordReaderV2",
  "TFRecordReader",
  "TFRecordReaderV2",
  "LMDBReader",
  "TextLineDataset",
  "TFRecordDataset",
  "TFRecordDatasetV2",
  "FixedLengthRecordDataset",
  "FixedLengthRecordDatasetV2",
  "CSVDataset",
  "CSVDatasetV2",
  "ExperimentalCSVDataset",
  "LMDBDataset",
  "ExperimentalLMDBDataset",
  "SqlDataset",
  "ExperimentalSqlDataset",
  "LoadDataset",
  "LoadAndRemapMatrix",
  "GenerateVocabRemapping",
]);

/** Write files, summaries or debug dumps. */
export const FILE_WRITE_OPS = new Set([
  "WriteFile",
  "SaveDataset",
  "SaveDatasetV2",
  "DatasetToTFRecord",
  "ExperimentalDatasetToTFRecord",
  "SnapshotDataset",
  "SnapshotDatasetV2",
  "CreateSummaryFileWriter",
  "CreateSummaryDbWriter",
  "WriteSummary",
  "WriteRawProtoSummary",
  "WriteScalarSummary",
  "WriteHistogramSummary",
  "WriteImageSummary",
  "WriteAudioSummary",
  "WriteGraphSummary",
  "ImportEvent",
  "DebugIdentity",
  "DebugIdentityV2",
  "DebugIdentityV3",
  "DebugNumericSummary",
  "DebugNumericSummaryV2",
  "DebugNanCount",
]);

/**
 * Checkpoint and vocabulary ops every SavedModel has (its saver) or many text models have: their
 * file name comes from a placeholder at load time, so they are flagged only when the graph fixes
 * the name to a path outside the model's folder.
 */
export const PATH_CHECKED_OPS = new Set([
  "Save",
  "SaveV2",
  "SaveSlices",
  "Restore",
  "RestoreV2",
  "RestoreSlice",
  "MergeV2Checkpoints",
  "InitializeTableFromTextFile",
  "InitializeTableFromTextFileV2",
]);
