/** Routes of model scans: uploaded or server-side scans of model files, and their findings. */
export const modelScanRoutes = {};
