/** Whole seconds as mm:ss, or h:mm:ss from an hour on. Callers decide how to round. */
export function hms(totalSeconds: number): string {
  const total = Math.max(0, totalSeconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
