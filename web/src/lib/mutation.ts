import { revalidate } from '@solidjs/router';

/**
 * Runs a write, then refreshes the queries under `key`. A failure goes to `onError` and is not
 * thrown: buttons call this and the page shows the translated reason.
 */
export async function writeThenRefresh(work: () => Promise<unknown>, key: string, onError: (err: unknown) => void): Promise<boolean> {
  try {
    await work();
    await revalidate(key);
    return true;
  } catch (err) {
    onError(err);
    return false;
  }
}
