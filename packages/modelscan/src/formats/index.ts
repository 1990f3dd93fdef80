import type { FormatScanner } from "../scan/format-scanner.js";
import { gzipScanner } from "./archive/gzip-scanner.js";
import { tarArchiveScanner } from "./archive/tar-archive-scanner.js";
import { npzScanner, zipArchiveScanner } from "./archive/zip-archive-scanner.js";
import { chatTemplateFileScanner } from "./chat-template/chat-template-file-scanner.js";
import { ggufScanner } from "./gguf/gguf-scanner.js";
import { joblibScanner } from "./joblib/joblib-scanner.js";
import { kerasH5Scanner, kerasZipScanner } from "./keras/keras-scanners.js";
import { modelCardScanner } from "./model-card/model-card-scanner.js";
import { npyScanner } from "./numpy/npy-scanner.js";
import { onnxScanner } from "./onnx/onnx-scanner.js";
import { pickleScanner } from "./pickle/pickle-scanner.js";
import { pytorchLegacyScanner } from "./pytorch/pytorch-legacy-scanner.js";
import { pytorchZipScanner } from "./pytorch/pytorch-zip-scanner.js";
import { safetensorsScanner } from "./safetensors/safetensors-scanner.js";
import { savedModelScanner } from "./tf-savedmodel/savedmodel-scanner.js";

/**
 * Every format the scanner recognises, in the order their sniffers are tried: the most specific
 * magic bytes first, so a zip that is a PyTorch checkpoint or a Keras model is not taken for a
 * plain archive. Add a format with one line here.
 */
export const formatScanners: readonly FormatScanner[] = [
  safetensorsScanner,
  ggufScanner,
  kerasZipScanner,
  kerasH5Scanner,
  savedModelScanner,
  chatTemplateFileScanner,
  npyScanner,
  pytorchLegacyScanner,
  pytorchZipScanner,
  npzScanner,
  zipArchiveScanner,
  tarArchiveScanner,
  gzipScanner,
  joblibScanner,
  pickleScanner,
  onnxScanner,
  modelCardScanner,
];
