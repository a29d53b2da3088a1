/** The drag-and-drop type the palette puts a node kind under; the canvas accepts only this. */
export const KIND_MIME = 'application/x-weir-node-kind';
