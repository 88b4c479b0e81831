import { revalidate } from '@solidjs/router';
import { actionStarted } from './notice';

/**
 * Runs a write, then refreshes the queries under `key`. A failure goes to `onError` and is not
 * thrown: buttons call this and the page shows the translated reason. It is a new action: the
 * confirmations and errors of earlier ones leave the screen (lib/notice.ts).
 */
export async function writeThenRefresh(work: () => Promise<unknown>, key: string, onError: (err: unknown) => void): Promise<boolean> {
  actionStarted();
  try {
    await work();
    await revalidate(key);
    return true;
  } catch (err) {
    onError(err);
    return false;
  }
}
