/**
 * Which prompt the person was answering, kept for this tab only (sessionStorage: the prompt's id, never any
 * text), so a reload puts the keyboard back there instead of eleven tabs away at the top of the page.
 */
const keyFor = (assignmentId: string) => `hearth-prompt-in-use:${assignmentId}`;

export function rememberPromptInUse(assignmentId: string, target: EventTarget) {
  const item = target instanceof Element ? target.closest<HTMLElement>("li[id^='prompt-']") : null;
  if (!item) return;
  try {
    sessionStorage.setItem(keyFor(assignmentId), item.id);
  } catch {
    // Storage switched off: a reload simply starts at the top.
  }
}

function wasReload(): boolean {
  const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  return entry?.type === "reload";
}

export function returnToPromptInUse(assignmentId: string, list: HTMLElement) {
  let itemId: string | null = null;
  try {
    itemId = sessionStorage.getItem(keyFor(assignmentId));
  } catch {
    return;
  }
  if (!itemId || !wasReload() || document.activeElement !== document.body) return;
  const item = list.querySelector<HTMLElement>(`li[id="${CSS.escape(itemId)}"]`);
  const field =
    item?.querySelector<HTMLElement>("textarea, input:checked, input:not([type=radio]):not([type=checkbox])") ??
    item?.querySelector<HTMLElement>("input, textarea");
  if (!field) return;
  field.focus();
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === "text")) {
    field.setSelectionRange(field.value.length, field.value.length);
  }
}
