/* global Office */
/** Task pane entry point (shared runtime): French UI for the regional sheets. */

Office.onReady((info) => {
  const hote = document.getElementById("hote");
  if (hote) hote.textContent = info.host === Office.HostType.Excel ? "Connecté à Excel" : "Ouvrir ce volet depuis Excel";
});
