import { decodePDFRawStream, type PDFDocument, PDFRawStream } from "pdf-lib";

const winAnsi = new TextDecoder("windows-1252");

/** The text drawn on every page: pdf-lib writes standard-font text as hex strings in deflated content streams. */
export function pdfText(pdf: PDFDocument): string {
  const out: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents && "asArray" in contents ? contents.asArray() : [contents];
    for (const ref of streams) {
      const stream = pdf.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) continue;
      const source = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      // WinAnsi is windows-1252 (WHATWG's "latin1"): 0x97 is an em dash, not a C1 control.
      for (const [, hex] of source.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
        out.push(winAnsi.decode(Uint8Array.from(hex!.match(/../g) ?? [], (h) => Number.parseInt(h, 16))));
    }
  }
  return out.join("\n");
}
