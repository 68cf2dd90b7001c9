// The comment form: markup, client-side checks, the screening "rephrase?" prompt, posting,
// and showing server errors beside their fields. The widget owns where the form sits.
import type { CheckResult, CreateCommentResult } from '../shared/api-types.js';
import { ApiError, type Api } from './api.js';
import { esc } from './format.js';
import { loadAuthor, randomId, saveAuthor } from './storage.js';
import { activeLang, t, type TextKey } from './strings.js';

const FIELDS = ['body', 'name', 'email', 'website'] as const;
type Field = (typeof FIELDS)[number];

/** Tokens older than this are refreshed when the reader comes back to the form. */
const TOKEN_MAX_AGE_MS = 30 * 60 * 1000;
/** A token request that failed is tried again after these delays. */
const TOKEN_RETRY_MS = [1_000, 3_000, 10_000];
/** At submit, with no token yet: quick tries, so a dropped request costs a reader under 1 s. */
const SUBMIT_TOKEN_RETRY_MS = [0, 250, 700];

interface FormToken {
  token: string;
  /** When the token was received, and how long the site wants between form and submit. */
  receivedAt: number;
  minSubmitMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FormHost {
  api: Api;
  /** url/title to send while the post does not exist on the server yet. */
  postMeta(): { url: string; title: string } | null;
  /** `body` is the text as the author typed it (kept for their edits). */
  onPosted(result: CreateCommentResult, parentId: string | null, body: string): void;
  onClosed(): void;
  announce(text: string): void;
}

function field(id: Field, label: TextKey, input: string, required: boolean, full = false): string {
  const star = required ? ' <span class="req" aria-hidden="true">*</span>' : '';
  return (
    `<div class="field${full ? ' full' : ''}"><label for="p-${id}">${esc(t(label))}${star}</label>${input}` +
    `<p class="ferr" id="p-${id}-err" data-testid="error-${id}" hidden></p></div>`
  );
}

function formHtml(): string {
  const req = 'required aria-required="true"';
  return (
    `<div class="fhead"><h3 class="ftitle" id="p-ftitle" data-testid="form-title">${esc(t('formTitle'))}</h3>` +
    `<button type="button" class="lnk" data-act="cancel-reply" data-testid="cancel-reply" hidden>${esc(t('cancelReply'))}</button></div>` +
    `<p class="note">${esc(t('requiredNote')).replace('*', '<span class="req">*</span>')}</p>` +
    `<div class="fields">` +
    field(
      'body',
      'labelComment',
      `<textarea class="in" id="p-body" name="body" rows="6" dir="auto" ${req} data-testid="field-body"></textarea>`,
      true,
      true,
    ) +
    field(
      'name',
      'labelName',
      `<input class="in" id="p-name" name="name" type="text" autocomplete="name" maxlength="80" dir="auto" ${req} data-testid="field-name">`,
      true,
    ) +
    field(
      'email',
      'labelEmail',
      `<input class="in" id="p-email" name="email" type="email" autocomplete="email" maxlength="254" ${req} data-testid="field-email">`,
      true,
    ) +
    field(
      'website',
      'labelWebsite',
      `<input class="in" id="p-website" name="website" type="url" autocomplete="url" maxlength="300" data-testid="field-website">`,
      false,
    ) +
    `</div>` +
    // Honeypot: off-screen rather than display:none, so naive bots still see and fill it.
    `<div class="hp" aria-hidden="true"><label for="p-homepage">${esc(t('honeypotLabel'))}</label>` +
    `<input id="p-homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" data-testid="field-homepage"></div>` +
    checkbox('save', 'saveAuthor') +
    // Shown once the server says it sends mail (the form-token answer).
    checkbox('notify', 'notifyReplies', true) +
    `<div class="rephrase" data-testid="rephrase-prompt" role="group" aria-labelledby="p-rp-title" hidden></div>` +
    `<div class="ferror" role="alert" data-testid="form-error"></div>` +
    `<div class="fsubmit"><button type="submit" class="btn" data-testid="submit"><span class="spin" aria-hidden="true"></span><span class="lbl">${esc(t('submit'))}</span></button>` +
    `<p class="screen"><svg aria-hidden="true" width="13" height="13" viewBox="0 0 16 16"><path d="M8 1.5 2.5 3.8v3.7c0 3.3 2.3 6.1 5.5 7 3.2-.9 5.5-3.7 5.5-7V3.8L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/></svg>${esc(t('screeningNote'))}<span>${esc(t('poweredBy'))}</span></p></div>`
  );
}

function checkbox(name: string, label: TextKey, hidden = false): string {
  return `<label class="check"${hidden ? ' hidden' : ''}><input type="checkbox" name="${name}" data-testid="field-${name}"><span>${esc(t(label))}</span></label>`;
}

export class CommentForm {
  readonly el: HTMLFormElement;
  private parentId: string | null = null;
  private draftKey = randomId();
  private busy = false;
  /** The last token received; a background fetch (with retries) replaces it. */
  private token: FormToken | null = null;
  private tokenAt = 0;
  private readonly inputs: Record<Field, HTMLInputElement | HTMLTextAreaElement>;
  private readonly save: HTMLInputElement;
  /** "Notify me of replies by email": off by default. */
  private readonly notify: HTMLInputElement;
  private readonly honeypot: HTMLInputElement;
  private readonly submitBtn: HTMLButtonElement;
  private readonly errorBox: HTMLElement;
  private readonly prompt: HTMLElement;

  constructor(private readonly host: FormHost) {
    const el = document.createElement('form');
    el.className = 'form';
    el.noValidate = true;
    el.setAttribute('data-testid', 'comment-form');
    el.setAttribute('aria-labelledby', 'p-ftitle');
    el.innerHTML = formHtml();
    this.el = el;
    const q = <T extends Element>(sel: string) => el.querySelector(sel) as T;
    this.inputs = {
      body: q('#p-body'),
      name: q('#p-name'),
      email: q('#p-email'),
      website: q('#p-website'),
    };
    this.save = q('input[name=save]');
    this.notify = q('input[name=notify]');
    this.honeypot = q('#p-homepage');
    this.submitBtn = q('button[type=submit]');
    this.errorBox = q('.ferror');
    this.prompt = q('.rephrase');

    const saved = loadAuthor();
    if (saved) {
      this.inputs.name.value = saved.name;
      this.inputs.email.value = saved.email;
      this.inputs.website.value = saved.website;
      this.save.checked = true;
    }

    el.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit(false);
    });
    el.addEventListener('input', (e) => {
      const target = e.target as HTMLElement;
      const name = target.getAttribute('name') as Field | null;
      if (name && name in this.inputs) this.clearFieldError(name);
      // The prompt was about the text as it was; an edit makes it stale.
      if (name === 'body') this.hidePrompt();
    });
    this.save.addEventListener('change', () => {
      if (!this.save.checked) saveAuthor(null);
    });
    el.addEventListener('focusin', () => {
      if (Date.now() - this.tokenAt > TOKEN_MAX_AGE_MS) this.fetchToken();
    });
  }

  /** Fetches the anti-bot form token; called once the form is on screen. */
  fetchToken(): void {
    this.tokenAt = Date.now();
    void this.requestToken(0);
  }

  private async tokenOnce(): Promise<FormToken | null> {
    try {
      const r = await this.host.api.getFormToken();
      if (r.replyMail) (this.notify.parentElement as HTMLElement).hidden = false;
      return {
        token: r.token,
        receivedAt: Date.now(),
        minSubmitMs: (r.minSubmitSeconds ?? 0) * 1000,
      };
    } catch {
      return null;
    }
  }

  /** A network hiccup must not leave the form without a token (its comment would be held). */
  private async requestToken(attempt: number): Promise<void> {
    const token = await this.tokenOnce();
    if (token) {
      this.token = token;
      return;
    }
    const delay = TOKEN_RETRY_MS[attempt];
    if (delay === undefined || this.token) return;
    await sleep(delay);
    if (!this.token) await this.requestToken(attempt + 1);
  }

  /**
   * A token for this submit: the one held, or a few quick tries now (never the background
   * retries' long waits: a reader who presses Send is not kept waiting for them).
   */
  private async tokenForSubmit(): Promise<string | undefined> {
    for (const delay of SUBMIT_TOKEN_RETRY_MS) {
      if (this.token) break;
      if (delay) await sleep(delay);
      this.token ??= await this.tokenOnce();
    }
    const token = this.token;
    if (!token) return undefined;
    // A token fetched just now is younger than the site's minimum: wait the rest, rather than
    // have a person's comment held as "too fast".
    const wait = token.receivedAt + token.minSubmitMs - Date.now();
    if (wait > 0) await sleep(wait);
    return token.token;
  }

  setReplyTarget(parentId: string | null, parentName?: string): void {
    this.parentId = parentId;
    const title = this.el.querySelector('.ftitle')!;
    title.textContent = parentId ? t('formReplyTitle', { name: parentName ?? '' }) : t('formTitle');
    (this.el.querySelector('[data-act=cancel-reply]') as HTMLElement).hidden = !parentId;
    this.hidePrompt();
    this.setError('');
  }

  get replyingTo(): string | null {
    return this.parentId;
  }

  focusBody(): void {
    this.inputs.body.focus();
  }

  private values() {
    let website = this.inputs.website.value.trim();
    // People type "example.com": the server only takes full links.
    if (website && !/^[a-z][a-z0-9+.-]*:/i.test(website) && website.includes('.'))
      website = 'https://' + website;
    return {
      name: this.inputs.name.value.trim(),
      email: this.inputs.email.value.trim(),
      website,
      body: this.inputs.body.value.trim(),
    };
  }

  private validate(v: ReturnType<CommentForm['values']>): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!v.body) errors.body = t('bodyRequired');
    if (!v.name) errors.name = t('nameRequired');
    if (!v.email) errors.email = t('emailRequired');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = t('emailInvalid');
    if (v.website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v.website))
      errors.website = t('websiteInvalid');
    return errors;
  }

  private async submit(skipCheck: boolean): Promise<void> {
    if (this.busy) return;
    this.setError('');
    this.hidePrompt();
    const v = this.values();
    const errors = this.validate(v);
    if (this.showFieldErrors(errors)) return;

    this.setBusy(true);
    try {
      if (!skipCheck) {
        const check = await this.host.api.check(v.body).catch(() => null);
        // A failed check must never block posting: the server screens again anyway.
        if (check && check.decision !== 'approve') {
          this.showPrompt(check);
          return;
        }
      }
      if (this.save.checked) saveAuthor({ name: v.name, email: v.email, website: v.website });
      else saveAuthor(null);
      const result = await this.post(v);
      this.draftKey = randomId();
      this.inputs.body.value = '';
      const parentId = this.parentId;
      this.host.onPosted(result, parentId, v.body);
    } catch (err) {
      this.handleError(err);
    } finally {
      this.setBusy(false);
    }
  }

  private async post(v: ReturnType<CommentForm['values']>): Promise<CreateCommentResult> {
    const formToken = await this.tokenForSubmit();
    const meta = this.host.postMeta();
    return this.host.api.createComment({
      name: v.name,
      email: v.email,
      ...(v.website ? { website: v.website } : {}),
      body: v.body,
      ...(this.parentId ? { parentId: this.parentId } : {}),
      // Reply mail is written in the language this widget shows.
      ...(this.notify.checked
        ? { notifyReplies: true, language: activeLang().split('-')[0]?.toLowerCase() }
        : {}),
      ...(formToken ? { formToken } : {}),
      homepage: this.honeypot.value,
      ...(meta ?? {}),
      idempotencyKey: this.draftKey,
    });
  }

  private handleError(err: unknown): void {
    if (!(err instanceof ApiError)) {
      this.setError(t('errGeneric'));
      return;
    }
    if (err.code === 'VALIDATION_FAILED' && err.fields) {
      const known: Partial<Record<Field, string>> = {};
      const other: string[] = [];
      for (const [k, msg] of Object.entries(err.fields)) {
        if ((FIELDS as readonly string[]).includes(k)) known[k as Field] = msg;
        else other.push(msg);
      }
      if (other.length) this.setError(other.join(' '));
      if (!this.showFieldErrors(known) && !other.length)
        this.setError(err.message || t('fixFields'));
      return;
    }
    const fallback: Record<string, TextKey> = {
      POST_CLOSED: 'errClosed',
      RATE_LIMITED: 'errRateLimited',
      AUTHOR_BANNED: 'errBanned',
      NETWORK: 'errNetwork',
    };
    const key = fallback[err.code];
    // The server explains in English; a reader in another language gets the widget's own words.
    const local = err.code === 'NETWORK' || (key && activeLang() !== 'en');
    this.setError(local && key ? t(key) : err.message || t(key ?? 'errGeneric'));
    if (err.code === 'POST_CLOSED') this.host.onClosed();
  }

  /** Marks invalid fields and focuses the first; returns whether there was any. */
  private showFieldErrors(errors: Partial<Record<Field, string>>): boolean {
    let first: HTMLElement | null = null;
    for (const f of FIELDS) {
      const msg = errors[f];
      if (!msg) {
        this.clearFieldError(f);
        continue;
      }
      const input = this.inputs[f];
      const box = this.el.querySelector(`#p-${f}-err`) as HTMLElement;
      box.textContent = msg;
      box.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `p-${f}-err`);
      first ??= input;
    }
    first?.focus();
    return first !== null;
  }

  private clearFieldError(f: Field): void {
    const input = this.inputs[f];
    if (!input.hasAttribute('aria-invalid')) return;
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    const box = this.el.querySelector(`#p-${f}-err`) as HTMLElement;
    box.hidden = true;
    box.textContent = '';
  }

  private setError(msg: string): void {
    this.errorBox.textContent = msg;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    const b = this.submitBtn;
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    b.setAttribute('aria-disabled', String(busy));
    b.setAttribute('aria-busy', String(busy));
    b.querySelector('.lbl')!.textContent = t(busy ? 'submitting' : 'submit');
    this.el.setAttribute('aria-busy', String(busy));
  }

  private showPrompt(check: CheckResult): void {
    const reasons = check.reasons
      .slice(0, 3)
      .map((r) => `<li>${esc(r.message)}</li>`)
      .join('');
    this.prompt.innerHTML =
      `<h3 id="p-rp-title" tabindex="-1">${esc(t('rephraseTitle'))}</h3>` +
      (reasons ? `<p>${esc(t('rephraseIntro'))}</p><ul>${reasons}</ul>` : '') +
      (check.decision === 'hold' ? `<p>${esc(t('rephraseHold'))}</p>` : '') +
      `<div class="row"><button type="button" class="btn sm" data-act="rephrase-edit" data-testid="rephrase-edit">${esc(t('editComment'))}</button>` +
      `<button type="button" class="btn sm ghost" data-act="rephrase-post" data-testid="rephrase-post-anyway">${esc(t('postAnyway'))}</button></div>`;
    this.prompt.hidden = false;
    this.prompt.querySelector<HTMLElement>('[data-act=rephrase-edit]')!.onclick = () => {
      this.hidePrompt();
      this.focusBody();
    };
    this.prompt.querySelector<HTMLElement>('[data-act=rephrase-post]')!.onclick = () => {
      void this.submit(true);
    };
    this.prompt.querySelector<HTMLElement>('h3')!.focus();
  }

  private hidePrompt(): void {
    if (this.prompt.hidden) return;
    this.prompt.hidden = true;
    this.prompt.textContent = '';
  }
}
