import { isGuardAbort } from "@akrab/db";
import { changedMeanwhile, type Versioned } from "../middleware/problem/index.ts";

/**
 * For `.catch` on a batch guarded by the expected version: the guard aborting means someone else
 * saved between our read and our write, so the caller gets the 409; any other error propagates.
 */
export function staleOnGuardAbort(what: Versioned): (error: unknown) => never {
  return (error) => {
    throw isGuardAbort(error) ? changedMeanwhile(what) : error;
  };
}
