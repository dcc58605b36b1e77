import "server-only";
import QRCode from "qrcode";

export type QrCodeDrawing = { size: number; path: string };

/**
 * A QR code as one SVG path drawn on the server (one unit square per dark module, a 4-module quiet zone),
 * so the page renders a plain <svg> element: no inline styles, no data: URL, nothing the CSP forbids.
 */
export function qrCodeDrawing(text: string): QrCodeDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const margin = 4;
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
    }
  }
  return { size: modules.size + margin * 2, path: parts.join("") };
}
