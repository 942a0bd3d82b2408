/* global document, Image */
/**
 * An SVG picture as a PNG for Office.js `shapes.addImage` (ExcelApi 1.9; `addSvg` exists in the preview API only):
 * the browser of the task pane draws the SVG on a canvas at twice its size, for a sharp picture when zoomed.
 * Returns the PNG's base64 (without the `data:` prefix), as addImage takes it.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("le navigateur du volet n'a pas pu lire l'image SVG"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const canvas = document.createElement("canvas");
  // points to CSS pixels (96 per inch), times `scale`
  canvas.width = Math.round((width * 96 * scale) / 72);
  canvas.height = Math.round((height * 96 * scale) / 72);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("le navigateur du volet ne dessine pas sur un canevas");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}
