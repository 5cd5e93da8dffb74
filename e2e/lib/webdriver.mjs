// A small W3C WebDriver client over fetch: just what the end-to-end tests use.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const Key = {
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Control: '\uE009',
  Shift: '\uE008',
};

export class WebDriverError extends Error {
  constructor(status, body) {
    super(`WebDriver ${status}: ${body?.value?.error ?? ''} ${body?.value?.message ?? JSON.stringify(body)}`);
    this.code = body?.value?.error;
  }
}

const DEBUG = !!process.env.E2E_DEBUG;

async function request(base, method, path, body) {
  if (DEBUG) console.error(`# -> ${method} ${path} ${body === undefined ? '' : JSON.stringify(body).slice(0, 160)}`);
  const res = await fetch(`${base}${path}`, {
    signal: AbortSignal.timeout(30_000),
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) throw new WebDriverError(res.status, json);
  return json.value;
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  #path(suffix) {
    return `/element/${this.id}${suffix}`;
  }
  /** Brings the element into view and lets a frame pass before clicking: content off screen
   * is laid out only when near the viewport (`content-visibility: auto`), and WebKit's driver
   * finds an element that has not been laid out yet "not interactable", where a user's
   * pointer would simply find it rendered. */
  async click() {
    await this.session.executeAsync(
      `const done = arguments[arguments.length - 1];
       arguments[0].scrollIntoView({ block: 'center' });
       requestAnimationFrame(() => requestAnimationFrame(() => done()));`,
      [{ [ELEMENT]: this.id }],
    );
    return this.session.cmd('POST', this.#path('/click'), {});
  }
  type(text) {
    return this.session.cmd('POST', this.#path('/value'), { text });
  }
  clear() {
    return this.session.cmd('POST', this.#path('/clear'), {});
  }
  text() {
    return this.session.cmd('GET', this.#path('/text'));
  }
  property(name) {
    return this.session.cmd('GET', this.#path(`/property/${name}`));
  }
  attribute(name) {
    return this.session.cmd('GET', this.#path(`/attribute/${name}`));
  }
  displayed() {
    return this.session.cmd('GET', this.#path('/displayed'));
  }
  async find(css) {
    const v = await this.session.cmd('POST', this.#path('/element'), { using: 'css selector', value: css });
    return new Element(this.session, v[ELEMENT]);
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const v = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, v.sessionId);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  delete() {
    return request(this.base, 'DELETE', `/session/${this.id}`);
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const list = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return list.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Finds the first element matching `css` whose text contains `text`. */
  async findByText(css, text) {
    for (const el of await this.findAll(css)) {
      if ((await el.text()).includes(text)) return el;
    }
    return null;
  }

  async active() {
    const v = await this.cmd('GET', '/element/active');
    return new Element(this, v[ELEMENT]);
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Presses keys on whatever has focus, as a person at the keyboard would. */
  async keys(...sequence) {
    const actions = [];
    for (const part of sequence) {
      if (Array.isArray(part)) {
        // A chord: press all, release in reverse.
        for (const k of part) actions.push({ type: 'keyDown', value: k });
        for (const k of [...part].reverse()) actions.push({ type: 'keyUp', value: k });
      } else {
        for (const ch of part) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
      }
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}
