/**
 * A visit photo's place in the upload queue: the assignment and indicator it is evidence for, the
 * device's id for it, when it was taken and, only when the asesor allowed it, where.
 */
import type { DocumentType } from "#lib/api-types.ts";
import type { VisitPhotoTarget } from "#lib/uploads/store.ts";

/** Photos only (downscaled on the device before they are queued). */
export const PHOTO_TYPES: readonly DocumentType[] = ["jpeg", "png", "webp", "heic"];
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;

export interface Position {
  latitude: number;
  longitude: number;
}

/**
 * The time a photo was taken: the file's own time when the camera gave one that is not in the
 * future, else now (the moment it was picked, on site).
 */
export function takenAt(file: { lastModified: number }, now = Date.now()): string {
  const at = file.lastModified > 0 && file.lastModified <= now ? file.lastModified : now;
  return new Date(at).toISOString();
}

export function photoTarget(
  assignmentId: string,
  indicator: string,
  file: { lastModified: number },
  position: Position | null,
  id: string = crypto.randomUUID(),
): VisitPhotoTarget {
  const target: VisitPhotoTarget = { assignmentId, indicator, photoId: id, takenAt: takenAt(file) };
  if (position) {
    target.latitude = position.latitude.toFixed(6);
    target.longitude = position.longitude.toFixed(6);
  }
  return target;
}

/** Where the device is, asked only when the asesor ticked "with location" (null: refused, unknown or too slow). */
export function where(timeout = 10_000): Promise<Position | null> {
  if (!("geolocation" in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout, maximumAge: 60_000 },
    ),
  );
}
