export { enqueueJob, enqueueJobs, onJobEnqueued } from "./enqueue-job.js";
export { jobHandlers } from "./job-registry.js";
export type { ClaimedJob, JobContext, JobHandler, NewJob } from "./job-types.js";
export { PermanentJobError } from "./job-types.js";
