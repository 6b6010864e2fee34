// What the page knows before its engine answers, written into it when it is built: the version, the
// facility kinds a template can be made for, and the rule versions it carries (for its footer).
import type { Lang } from '../core/lang.ts';

export interface PageData {
  readonly version: string;
  /** The language the page speaks when neither an earlier choice nor the browser names kk, ru or en. */
  readonly defaultLang: Lang;
  /** `ereje template` kinds (`residential`, `home-care`, `day-care`) with their labels. */
  readonly kinds: readonly { readonly id: string; readonly kind: string; readonly label: Readonly<Record<Lang, string>> }[];
  readonly rulesets: readonly {
    readonly id: string;
    readonly version: string;
    readonly title: Readonly<Record<Lang, string>>;
    readonly act: Readonly<Record<Lang, string>>;
    /** ISO days; null when open. */
    readonly from: string | null;
    readonly until: string | null;
    readonly rules: number;
  }[];
}
