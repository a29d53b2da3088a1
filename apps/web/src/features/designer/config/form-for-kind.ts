import { kindInfo } from '../catalog/catalog';
import { toFormField, type ObjectField } from './form-model';

const FORMS = new Map<string, ObjectField | null>();

/** The generated form of a kind, built once per kind; null for a kind Weir does not know. */
export function formForKind(kind: string): ObjectField | null {
  if (!FORMS.has(kind)) {
    const info = kindInfo(kind);
    const field = info ? toFormField(info.configJsonSchema) : null;
    FORMS.set(kind, field?.kind === 'object' ? field : null);
  }
  return FORMS.get(kind) ?? null;
}
