// Reads a help-desk export's bytes in the browser, a megabyte at a time, so a 50,000-ticket file
// never leaves the leader's machine and the progress bar moves while it is read. Decoding, the
// header row and the footer are lib/figures/ticket-file's, the same code the tests run.
const CHUNK = 1024 * 1024;

export async function readBytes(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  for (let start = 0; start < file.size; start += CHUNK) {
    bytes.set(new Uint8Array(await file.slice(start, start + CHUNK).arrayBuffer()), start);
    onProgress(Math.min(1, (start + CHUNK) / file.size));
    // Let the page repaint the progress bar between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return bytes;
}
