import { Alert, type AlertProps } from "@mantine/core";
import { ApiError, errorMessage } from "../api/api-error";

interface ErrorAlertProps extends Omit<AlertProps, "children" | "title"> {
  error: unknown;
  title?: string;
}

/** Shows a failed request inline, with the request id support can look up. */
export function ErrorAlert({ error, title = "Something went wrong", ...props }: ErrorAlertProps) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert color="red" title={title} role="alert" {...props}>
      {errorMessage(error)}
      {requestId && <div>Request id: {requestId}</div>}
    </Alert>
  );
}
