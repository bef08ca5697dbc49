/** A file the API answered with (an export), ready to save. */
export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}

/** The file name of a `Content-Disposition` header (its RFC 5987 `filename*` when given). */
export function fileNameOf(header: string | null, fallback: string): string {
  const extended = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) return decodeURIComponent(extended);
  return header?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Saves a downloaded file as the browser saves downloads. */
export function saveFile({ blob, fileName }: DownloadedFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
