/** `@openaims/guard`: screen model input and output and decide tool calls in-process. */
export {};
