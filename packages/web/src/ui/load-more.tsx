import { Button, Center } from "@mantine/core";

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => unknown;
}

/** "Load more" under a cursor-paged list; renders nothing once the last page is in. */
export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={() => void onLoadMore()}>
        Load more
      </Button>
    </Center>
  );
}
