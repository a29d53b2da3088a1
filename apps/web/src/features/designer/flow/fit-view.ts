/** How the canvas fits a pipeline into view: never zoomed in past 110 %, with a margin around it. */
export const FIT_VIEW = { maxZoom: 1.1, padding: 0.15 };
