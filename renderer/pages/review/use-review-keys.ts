import { useEffect, useRef } from 'react';

export interface ReviewKeyActions {
  next(): void;
  previous(): void;
  verdict(value: 'pass' | 'fail' | 'unsure'): void;
  toggleLabels(): void;
  /** With the label picker open, digits toggle the n-th label. */
  labelKey(index: number): boolean;
  closeOverlays(): boolean;
  comment(): void;
  undo(): void;
  cheatSheet(): void;
}

const VERDICT_KEYS: Record<string, 'pass' | 'fail' | 'unsure'> = { 1: 'pass', 2: 'fail', 3: 'unsure' };

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The review keyboard (Langfuse- and Argilla-style): j/k or left/right arrows move, 1/2/3 judge, l labels, c comments,
 * u undoes, ? shows the keys. Keys typed into a field stay there; Escape leaves the field.
 */
export function useReviewKeys(actions: ReviewKeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const a = ref.current;
      if (typingIn(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : null;
      if (digit !== null && a.labelKey(digit - 1)) { event.preventDefault(); return; }
      switch (event.key) {
        case 'j': case 'ArrowRight': a.next(); break;
        case 'k': case 'ArrowLeft': a.previous(); break;
        case 'l': a.toggleLabels(); break;
        case 'c': a.comment(); break;
        case 'u': a.undo(); break;
        case '?': a.cheatSheet(); break;
        case 'Escape': if (!a.closeOverlays()) return; break;
        default: {
          const v = VERDICT_KEYS[event.key];
          if (!v) return;
          a.verdict(v);
        }
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
