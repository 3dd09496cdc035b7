/**
 * renderLiquid: a post body's Liquid as `jekyll build` 4.3.1 renders it. The expected outputs were
 * taken from real Jekyll builds (tests/oracle/liquid-vs-jekyll.test.ts re-checks many of them);
 * notices and limits are the preview's own.
 */
import { describe, expect, it } from 'vitest';
import { renderLiquid, type LiquidOptions } from '../../../../shared/markdown/liquid';
import type { LiquidContext, LiquidResult } from '../../../../shared/markdown/types';

const INCLUDES: Readonly<Record<string, string>> = {
  'greet.html': 'Hello {{ include.name }}{% if include.n %} n={{ include.n }}{% endif %}!\n',
  'outer.html': '[{{ include.x }}|{% include greet.html name=include.x %}|{% include plain.html %}]',
  'plain.html': '({{ include.x }})',
  'sub/deep.html': 'deep',
  'a+b.html': 'plus',
  'self.html': 'r{% include self.html %}',
  'broken.html': 'line 1\n{% endif %}',
  'fails.html': 'ok\n{{ 1 | divided_by: 0 }}',
};

const POSTS: LiquidContext['posts'] = [
  { path: '_posts/2025-02-05-hello.md', url: '/2025/02/05/hello/' },
  { path: 'news/_posts/2025-02-01-newsy.md', url: '/news/2025/02/01/newsy/' },
  { path: '_posts/2025-04-12-한글-제목.md', url: '/2025/04/12/%ED%95%9C%EA%B8%80-%EC%A0%9C%EB%AA%A9/' },
];

const FILES: LiquidContext['files'] = ['about.md', 'notes.markdown', 'docs/index.md', 'assets/pic.png', 'contact.html', 'assets/main.scss'];

const PEOPLE = [
  { name: 'Ann', team: 'red', age: 30, tags: ['x', 'y'] },
  { name: 'Bob', team: 'blue', age: 25, nick: 'bobby' },
  { name: 'Cid', team: 'red', age: 41, tags: 'x' },
  { name: 'Dee', team: 'green', age: 25, nick: 'aa' },
];

interface SiteOptions {
  site?: Record<string, unknown>;
  page?: Record<string, unknown>;
  baseurl?: string;
  includes?: Readonly<Record<string, string>>;
  /** Collects every name the include callback is asked for. */
  asked?: string[];
}

/** A context like the one render-post builds: `site` from `_config.yml`, `page` from the post. */
function siteContext(options: SiteOptions = {}): LiquidContext {
  const baseurl = options.baseurl ?? '/blog';
  const includes = options.includes ?? INCLUDES;
  return {
    site: {
      title: 'Liquid Test',
      url: 'https://example.com',
      baseurl,
      timezone: 'Asia/Seoul',
      permalink: '/:categories/:year/:month/:day/:title/',
      time: '2025-06-01T03:00:00.000Z',
      data: { people: PEOPLE, nums: [3, 1, 2] },
      ...options.site,
    },
    page: { title: 'Cases & "quotes"', date: '2025-03-02T08:30:00+09:00', tags: ['b', 'a', '한글'], url: '/2025/03/02/cases/', ...options.page },
    include: (name) => {
      options.asked?.push(name);
      return Object.hasOwn(includes, name) ? (includes[name] ?? null) : null;
    },
    posts: POSTS,
    files: FILES,
    baseurl,
  };
}

function render(source: string, context: LiquidContext = siteContext(), options?: LiquidOptions): Promise<LiquidResult> {
  return renderLiquid(source, context, options);
}

async function out(source: string, context: LiquidContext = siteContext(), options?: LiquidOptions): Promise<string> {
  return (await renderLiquid(source, context, options)).output;
}

const errorBox = (line: number, message: string) =>
  `<div class="liquid-error" role="note">Liquid error (line ${line}): ${message.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;')}</div>`;

describe('{% include %}', () => {
  it('passes quoted, single-quoted and variable params as include.*', async () => {
    expect(await out('{% include greet.html name="Kim" n=3 %}')).toBe('Hello Kim n=3!\n');
    expect(await out(`{% include greet.html name='O\\'Neil' %}`)).toBe("Hello O'Neil!\n");
    expect(await out('{% include greet.html name="say \\"hi\\"" %}')).toBe('Hello say "hi"!\n');
    expect(await out('{% include greet.html name=page.title %}')).toBe('Hello Cases & "quotes"!\n');
  });

  it('nests includes: an include without params still sees the outer include.*, as in Jekyll', async () => {
    expect(await out('{% include outer.html x=5 %}')).toBe('[5|Hello 5!\n|(5)]');
  });

  it('reads sub-folders, Jekyll file-name characters and a leading slash inside _includes', async () => {
    const asked: string[] = [];
    expect(await out('{% include sub/deep.html %}|{% include a+b.html %}|{% include /plain.html x=1 %}', siteContext({ asked }))).toBe('deep|plus|(1)');
    expect(asked).toEqual(['sub/deep.html', 'a+b.html', 'plain.html']);
  });

  it('takes the file name from a variable', async () => {
    expect(await out('{% include {{ page.inc }} name="v" %}', siteContext({ page: { inc: 'greet.html' } }))).toBe('Hello v!\n');
  });

  it('asks the callback once per name in a render', async () => {
    const asked: string[] = [];
    await out('{% for i in (1..5) %}{% include plain.html x=i %}{% endfor %}', siteContext({ asked }));
    expect(asked).toEqual(['plain.html']);
  });

  it('shows a missing include as an error in place', async () => {
    const result = await render('before {% include nope.html %} after');
    expect(result.output).toBe(`before ${errorBox(1, "Could not locate the included file 'nope.html' in _includes; jekyll build will stop here")} after`);
    expect(result.problems).toEqual([{ line: 1, message: "Could not locate the included file 'nope.html' in _includes; jekyll build will stop here" }]);
  });

  it.each(['../secret.html', 'sub/../../x.html', './x.html', 'a//b.html', 'C:\\x.html', '한글.html', '%2e%2e/x.html'])(
    'refuses the hostile name %j without asking the callback',
    async (name) => {
      const asked: string[] = [];
      const result = await render(`{% include ${name} %}`, siteContext({ asked }));
      expect(asked).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.message).toMatch(/^Invalid syntax for include tag. File contains invalid characters or sequences/u);
    },
  );

  it('keeps an absolute path inside _includes: /etc/passwd is asked for as etc/passwd and is not found', async () => {
    const asked: string[] = [];
    const result = await render('{% include /etc/passwd %}', siteContext({ asked }));
    expect(asked).toEqual(['etc/passwd']);
    expect(result.problems[0]?.message).toContain("Could not locate the included file '/etc/passwd'");
  });

  it('refuses invalid params as Jekyll does', async () => {
    const result = await render('{% include greet.html name=="x" %}');
    expect(result.problems[0]?.message).toMatch(/^Invalid syntax for include tag: name=="x"/u);
  });

  it('stops a self-including include with "Nesting too deep"', async () => {
    const result = await render('{% include self.html %}', siteContext(), { limits: { includeDepth: 10 } });
    expect(result.output).toBe(`${'r'.repeat(10)}${errorBox(1, 'Nesting too deep (in _includes/self.html, line 1); jekyll build will stop here')}`);
  });

  it('reports errors inside an include at the include tag’s line, naming the include’s own line', async () => {
    const broken = await render('one\ntwo {% include broken.html %}');
    expect(broken.problems).toEqual([{ line: 2, message: "Unknown tag 'endif' (in _includes/broken.html, line 2); jekyll build will stop here" }]);
    const fails = await render('one\n\n{% include fails.html %}');
    expect(fails.output).toBe(`one\n\nok\n${errorBox(3, 'divided by 0 (in _includes/fails.html, line 2); jekyll build will stop here')}`);
  });

  it('never throws, even on data whose getters do', async () => {
    const site = siteContext().site;
    Object.defineProperty(site, 'boom', { enumerable: true, get: () => { throw new Error('getter failed'); } });
    const result = await render('{{ page.title }}', { ...siteContext(), site });
    expect(result.problems).toEqual([{ line: null, message: 'the preview could not run Liquid: getter failed' }]);
    expect(result.output).toBe('<div class="liquid-error" role="note">Liquid error: the preview could not run Liquid: getter failed</div>{{ page.title }}');
  });

  it('treats a callback that throws as a missing include', async () => {
    const context = { ...siteContext(), include: () => { throw new Error('disk on fire'); } };
    const result = await render('{% include greet.html %}', context);
    expect(result.problems[0]?.message).toContain("Could not locate the included file 'greet.html'");
  });

  it('never reads files itself: include_relative is a notice, render is Liquid’s own refusal', async () => {
    const asked: string[] = [];
    const result = await render('[{% include_relative snippet.txt %}]\n{% render "greet.html" %}', siteContext({ asked }));
    expect(asked).toEqual([]);
    expect(result.output).toBe(
      '[<div class="liquid-notice" role="note">Liquid notice (line 1): include_relative snippet.txt: the preview can only read _includes, not files beside the post (jekyll build includes it here)</div>]\n' +
        errorBox(2, 'This liquid context does not allow includes; jekyll build will stop here'),
    );
  });
});

describe('{% post_url %} and {% link %}', () => {
  it('gives post_url the post’s URL with baseurl (Jekyll 4 applies relative_url)', async () => {
    expect(await out('{% post_url 2025-02-05-hello %}')).toBe('/blog/2025/02/05/hello/');
    expect(await out('{% post_url 2025-02-05-hello %}', siteContext({ baseurl: '' }))).toBe('/2025/02/05/hello/');
    expect(await out('{{ site.baseurl }}{% post_url 2025-02-05-hello %}')).toBe('/blog/blog/2025/02/05/hello/');
  });

  it('matches a post in a category folder by path, and without the folder as Jekyll’s deprecated fallback', async () => {
    expect(await out('{% post_url news/2025-02-01-newsy %}|{% post_url 2025-02-01-newsy %}')).toBe('/blog/news/2025/02/01/newsy/|/blog/news/2025/02/01/newsy/');
  });

  it('keeps an escaped Hangul URL escaped', async () => {
    expect(await out('{% post_url 2025-04-12-한글-제목 %}')).toBe('/blog/2025/04/12/%ED%95%9C%EA%B8%80-%EC%A0%9C%EB%AA%A9/');
  });

  it('reports an unknown post and a name without a date', async () => {
    const unknown = await render('x\n{% post_url 2025-01-01-nope %}');
    expect(unknown.problems).toEqual([{ line: 2, message: 'post_url: no post named "2025-01-01-nope"; jekyll build will stop here' }]);
    const undated = await render('{% post_url hello %}');
    expect(undated.problems[0]?.message).toMatch(/^Could not parse name of post "hello" in tag 'post_url'/u);
  });

  it.each([
    ['_posts/2025-02-05-hello.md', '/blog/2025/02/05/hello/'],
    ['about.md', '/blog/about/'],
    ['notes.markdown', '/blog/notes/'],
    ['contact.html', '/blog/contact/'],
    ['docs/index.md', '/blog/docs/'],
    ['assets/main.scss', '/blog/assets/main.css'],
    ['assets/pic.png', '/blog/assets/pic.png'],
    ['/assets/pic.png', '/blog/assets/pic.png'],
  ])('links %s to %s under a pretty custom permalink', async (path, url) => {
    expect(await out(`{% link ${path} %}`)).toBe(url);
  });

  it.each([
    ['date', '/about.html|/contact.html|/docs/'],
    ['pretty', '/about/|/contact/|/docs/'],
    ['none', '/about.html|/contact.html|/docs/'],
    ['weekdate', '/about|/contact|/docs/'],
    ['/:categories/:title', '/about|/contact|/docs/'],
  ])('gives pages the URLs Jekyll gives them under permalink: %s', async (permalink, urls) => {
    expect(await out('{% link about.md %}|{% link contact.html %}|{% link docs/index.md %}', siteContext({ baseurl: '', site: { permalink } }))).toBe(urls);
  });

  it('renders Liquid in the link path and reports what it cannot find (a page is not found with a leading slash)', async () => {
    expect(await out('{% link {{ page.doc }} %}', siteContext({ page: { doc: 'about.md' } }))).toBe('/blog/about/');
    const result = await render('{% link /about.md %}');
    expect(result.problems).toEqual([{ line: 1, message: "Could not find document '/about.md' in tag 'link'. Make sure the document exists and the path is correct; jekyll build will stop here" }]);
  });
});

describe('{% raw %}, {% highlight %} and code', () => {
  it('keeps raw text raw', async () => {
    expect(await out('{% raw %}{{ keep }} {% if %}{% endraw %}')).toBe('{{ keep }} {% if %}');
  });

  it('renders {{ user.name }} inside a fenced code block as empty, as Jekyll does', async () => {
    expect(await out('```html\n<p>{{ user.name }}</p>\n```')).toBe('```html\n<p></p>\n```');
  });

  it('wraps highlight in Jekyll’s figure, escaping &, < and >', async () => {
    expect(await out('{% highlight ruby %}\ndef foo\n  puts "<hi>" & 1\nend\n{% endhighlight %}')).toBe(
      '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">def foo\n  puts "&lt;hi&gt;" &amp; 1\nend</code></pre></figure>',
    );
  });

  it('uses Rouge’s line-number table for linenos', async () => {
    expect(await out('{% highlight text linenos %}\na < b\n\n  c\n{% endhighlight %}')).toBe(
      '<figure class="highlight"><pre><code class="language-text" data-lang="text"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n3\n</pre></td><td class="code"><pre>a &lt; b\n\n  c\n</pre></td></tr></tbody></table></code></pre></figure>',
    );
  });

  it('lower-cases the language, turns + into - in the class, and renders Liquid inside', async () => {
    expect(await out('{% highlight C++ %}\nint {{ page.var }};\n{% endhighlight %}', siteContext({ page: { var: 'x' } }))).toBe(
      '<figure class="highlight"><pre><code class="language-c--" data-lang="c++">int x;</code></pre></figure>',
    );
  });

  it('escapes quotes too when the site turns Rouge off', async () => {
    expect(await out(`{% highlight text %}\n"q" 's'\n{% endhighlight %}`, siteContext({ site: { highlighter: null } }))).toBe(
      '<figure class="highlight"><pre><code class="language-text" data-lang="text">&quot;q&quot; &#39;s&#39;</code></pre></figure>',
    );
  });

  it('reports bad highlight markup', async () => {
    const result = await render('{% highlight ruby bad=@ %}\nx\n{% endhighlight %}');
    expect(result.problems[0]?.message).toMatch(/^Syntax Error in tag 'highlight'/u);
  });
});

describe('errors and notices', () => {
  it('shows a stray endif inline at its line, says Jekyll stops there, and renders the rest', async () => {
    const result = await render('a\nb\n{% endif %}\nc {{ page.title }}');
    expect(result.output).toBe(`a\nb\n${errorBox(3, "Unknown tag 'endif' (syntax error); jekyll build will stop here")}\nc Cases & "quotes"`);
    expect(result.problems).toEqual([{ line: 3, message: "Unknown tag 'endif' (syntax error); jekyll build will stop here" }]);
  });

  it('shows a render error in place', async () => {
    expect(await out('a\n{{ 1 | divided_by: 0 }} after')).toBe(`a\n${errorBox(2, 'divided by 0; jekyll build will stop here')} after`);
  });

  it('reports several syntax errors with their own lines, keeping later line numbers right', async () => {
    const result = await render('{% if x\n  y %}never closed\n\n{% for %}\n{{ page.title }}\n{% endunless %}');
    expect(result.problems.map((p) => p.line)).toEqual([1, 4, 6]);
    expect(result.output).toContain('Cases & "quotes"');
    expect(result.output.split('\n')).toHaveLength(6);
  });

  it('cuts out only the {{ of an output that never closes', async () => {
    const result = await render('x {{ foo\nmore');
    expect(result.output).toBe(`x ${errorBox(1, "Variable '{{ foo\\nmore' was not properly terminated with regexp: /\\}\\}/ (syntax error); jekyll build will stop here")} foo\nmore`);
  });

  it('names an unknown tag, and a plugin’s tag with its plugin', async () => {
    const unknown = await render('{% mytag %}inside{% endmytag %}');
    expect(unknown.output).toBe(`${errorBox(1, "Unknown tag 'mytag' (syntax error); jekyll build will stop here")}inside${errorBox(1, "Unknown tag 'endmytag' (syntax error); jekyll build will stop here")}`);
    expect(await out('{% seo %}')).toBe(errorBox(1, "Unknown tag 'seo': it comes from the jekyll-seo-tag plugin, which _config.yml does not list under plugins; jekyll build will stop here"));
    expect(await out('{% seo %}', siteContext({ site: { plugins: ['jekyll-seo-tag'] } }))).toBe(
      '<div class="liquid-notice" role="note">Liquid notice (line 1): {% seo %} comes from the jekyll-seo-tag plugin; the preview leaves it out</div>',
    );
  });

  it('shows an error once where a loop repeats it', async () => {
    const result = await render('{% for i in (1..3) %}[{{ 1 | divided_by: 0 }}]{% endfor %}');
    expect(result.output).toBe(`[${errorBox(1, 'divided by 0; jekyll build will stop here')}][][]`);
    expect(result.problems).toHaveLength(1);
  });

  it('escapes the message of a notice', async () => {
    const result = await render('{% link <script>.md %}');
    expect(result.output).toContain('&lt;script&gt;.md');
    expect(result.output).not.toContain('<script>');
  });
});

describe('limits: a hostile post cannot hang the preview', () => {
  const nested = '{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}';

  it('cuts off a loop that runs too many steps, keeping what was written', async () => {
    const result = await render(`start\n${nested}`, siteContext(), { limits: { steps: 10_000 } });
    expect(result.output).toBe(`start\n<div class="liquid-error" role="note">Liquid error (line 2): the preview stopped rendering Liquid after 10,000 steps (a loop that never ends?)</div>`);
  });

  it('cuts off a loop that runs too long', async () => {
    const started = Date.now();
    const result = await render(nested, siteContext(), { limits: { steps: Number.MAX_SAFE_INTEGER, timeMs: 200 } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.problems).toEqual([{ line: 1, message: 'the preview stopped rendering Liquid after 200 ms (a loop that never ends?)' }]);
  });

  it('reads hostile tag markup and smartify input in linear time', async () => {
    const started = Date.now();
    const result = await render(`{% post_url ${'a/'.repeat(40)}x %}|{{ page.deep | smartify | size }}`, siteContext({ page: { deep: '<b>'.repeat(5000) } }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.problems[0]?.message).toMatch(/^Could not parse name of post/u);
    expect(result.output).toMatch(/\|\d+$/u);
  });

  it('refuses a huge range and caps the output', async () => {
    expect((await render('{% for i in (1..1000000000) %}x{% endfor %}')).problems[0]?.message).toBe('the preview stopped rendering Liquid: memory alloc limit exceeded');
    const big = await render('{% for i in (1..100000) %}0123456789{% endfor %}', siteContext(), { limits: { outputChars: 1000 } });
    expect(big.output.length).toBeLessThan(1200);
    expect(big.problems[0]?.message).toMatch(/its output passed/u);
  });
});

describe('smartify (kramdown’s SmartyPants; outputs from Jekyll 4.3.1)', () => {
  it.each([
    ['"한글" 인용', '“한글” 인용'],
    ['l\'été "à"', 'l’été “à”'],
    ["'90s rock", '’90s rock'],
    ['a--b---c...d << e >> f', 'a–b—c…d «\u00a0e\u00a0» f'],
    ['x & y < z &copy; &amp; &#39; &foo;', "x &amp; y &lt; z © &amp; ' &amp;foo;"],
    ['<a href="x">"q"</a>', '<a href="x">“q”</a>'],
    ['\\"esc\\"', '\\“esc\\”'],
    ['"*bold*"', '“*bold*”'],
    ['"Hello," she said.', '“Hello,” she said.'],
    ['("x")', '(“x”)'],
    ['5\'10"', '5’10”'],
    ["<a href='x' class=y>t</a>", '<a href="x" class="y">t</a>'],
    ['a<br>b', 'a<br />b'],
    ['<span>x', '<span>x\n</span>'],
    ['x <!-- "c" --> y', 'x <!-- "c" --> y'],
    ['<div>"block"</div>', '<div>"block"</div>'],
    ['line1\nline2 "q"', 'line1\nline2 “q”'],
    ['a < b > c', 'a &lt; b &gt; c'],
  ])('%j → %j', async (input, expected) => {
    expect(await out('{{ page.text | smartify }}', siteContext({ page: { text: input } }))).toBe(expected);
  });
});

describe('objects', () => {
  it('prints values as Ruby’s Liquid does', async () => {
    expect(await out('{{ site.data.nums }}|{{ site.data.people[0] }}|{{ nil }}|{{ true }}|{{ site.data.people[0].nope }}|{{ 2.5 }}')).toBe(
      '312|{"name"=>"Ann", "team"=>"red", "age"=>30, "tags"=>["x", "y"]}||true||2.5',
    );
  });

  it('prints page.date as Ruby’s Time#to_s, in the site’s zone', async () => {
    expect(await out('{{ page.date }}|{{ site.time }}')).toBe('2025-03-02 08:30:00 +0900|2025-06-01 12:00:00 +0900');
    expect(await out('{{ page.date }}', siteContext({ site: { timezone: 'UTC' } }))).toBe('2025-03-01 23:30:00 +0000');
    expect(await out('{{ page.date }}', siteContext({ page: { date: '2025-05-10' }, site: { timezone: 'Asia/Tokyo' } }))).toBe('2025-05-10 00:00:00 +0900');
  });

  it('hides JavaScript internals', async () => {
    expect(await out('[{{ page.constructor }}|{{ page.date.epochMs }}|{{ site.data.nums.__proto__ }}]')).toBe('[||]');
  });

  it('leaves the caller’s data untouched and gives the same output for the same input', async () => {
    const context = siteContext();
    const before = JSON.stringify(context.site);
    const source = '{% assign x = site.data.nums | push: 4 %}{{ x | join: "," }}|{{ site.data.nums | join: "," }}';
    expect(await out(source, context)).toBe('3,1,2,4|3,1,2');
    expect(await out(source, context)).toBe('3,1,2,4|3,1,2');
    expect(JSON.stringify(context.site)).toBe(before);
  });

  it('re-renders a cached parse with a new context (zone) correctly', async () => {
    const source = '{{ page.date | date: "%H:%M %Z" }}';
    expect(await out(source)).toBe('08:30 KST');
    expect(await out(source, siteContext({ site: { timezone: 'America/Los_Angeles' } }))).toBe('15:30 PST');
  });
});

describe('URL filters', () => {
  it.each([
    ['{{ "/x/y" | relative_url }}', '/blog/x/y'],
    ['{{ "x/y" | relative_url }}', '/blog/x/y'],
    ['{{ "" | relative_url }}', '/blog'],
    ['{{ "https://a.b/c" | relative_url }}', 'https://a.b/c'],
    ['{{ "/a b/ü" | relative_url }}', '/blog/a%20b/%C3%BC'],
    ['{{ "/x/%41%7e%2F%zz" | relative_url }}', '/blog/x/A~%2F%25zz'],
    ['{{ "/a/./b/../c" | relative_url }}', '/blog/a/c'],
    ['{{ "/x/y" | absolute_url }}', 'https://example.com/blog/x/y'],
    ['{{ "" | absolute_url }}', 'https://example.com/blog'],
    ['{{ page.url | absolute_url }}', 'https://example.com/blog/2025/03/02/cases/'],
    ['{{ "/x/index.html" | strip_index }}|{{ "/x/index.htm" | strip_index }}', '/x/|/x/'],
  ])('%s → %s', async (source, expected) => {
    expect(await out(source)).toBe(expected);
  });

  it('works without a baseurl', async () => {
    expect(await out('<{{ "" | relative_url }}|{{ "x" | relative_url }}|{{ "" | absolute_url }}|{{ nil | relative_url }}|{{ "#frag" | relative_url }}|{{ "?q=1" | relative_url }}>', siteContext({ baseurl: '' }))).toBe(
      '<|/x|https://example.com/||/#frag|/?q=1>',
    );
  });
});

describe('date filters (in the site’s zone)', () => {
  it('formats strftime directives as Ruby does', async () => {
    expect(await out('{{ page.date | date: "%Y-%m-%d %H:%M %Z %z %:z %a %A %b %B %e %-d %j %I %l %p %P %s %U %W %u %w %y %C %G %V %c %x %X %D %F %T %r %R %h %-m %_m %^b %N %L" }}')).toBe(
      '2025-03-02 08:30 KST +0900 +09:00 Sun Sunday Mar March  2 2 061 08  8 AM am 1740871800 09 08 7 0 25 20 2025 09 Sun Mar  2 08:30:00 2025 03/02/25 08:30:00 03/02/25 2025-03-02 08:30:00 08:30:00 AM 08:30 Mar 3  3 MAR 000000000 000',
    );
  });

  it.each([
    ['date_to_xmlschema', '', '2025-03-02T08:30:00+09:00'],
    ['date_to_rfc822', '', 'Sun, 02 Mar 2025 08:30:00 +0900'],
    ['date_to_string', '', '02 Mar 2025'],
    ['date_to_string', ': "ordinal"', '2nd Mar 2025'],
    ['date_to_string', ': "ordinal", "US"', 'Mar 2nd, 2025'],
    ['date_to_long_string', '', '02 March 2025'],
    ['date_to_long_string', ': "ordinal"', '2nd March 2025'],
    ['date_to_long_string', ': "ordinal", "US"', 'March 2nd, 2025'],
  ])('%s%s', async (filter, args, expected) => {
    expect(await out(`{{ page.date | ${filter}${args} }}`)).toBe(expected);
  });

  it('shows the same moment in Asia/Seoul and in UTC', async () => {
    const source = '{{ page.date | date_to_xmlschema }}|{{ page.date | date: "%Z %z" }}|{{ page.date | date_to_string }}';
    expect(await out(source)).toBe('2025-03-02T08:30:00+09:00|KST +0900|02 Mar 2025');
    expect(await out(source, siteContext({ site: { timezone: 'UTC' } }))).toBe('2025-03-01T23:30:00+00:00|UTC +0000|01 Mar 2025');
  });

  it('reads strings as Ruby’s Time.parse: local time unless a zone is written', async () => {
    expect(await out('{{ "2025-01-15 07:30:00 +0900" | date_to_xmlschema }}|{{ "2025-01-15" | date_to_xmlschema }}|{{ 1700000000 | date: "%F %T %z" }}|{{ "1700000000" | date: "%F %T %z" }}')).toBe(
      '2025-01-15T07:30:00+09:00|2025-01-15T00:00:00+09:00|2023-11-15 07:13:20 +0900|2023-11-15 07:13:20 +0900',
    );
    expect(await out('{{ "2025-01-15T07:30:00Z" | date: "%H:%M %Z %z" }}|{{ "2025-01-15T07:30:00+05:00" | date: "%H:%M [%Z] %z" }}|{{ "2025-01-15T07:30:00+09:00" | date: "%Z" }}')).toBe('07:30 UTC +0000|07:30 [] +0500|KST');
  });

  it('uses summer time where the zone has it', async () => {
    const la = siteContext({ site: { timezone: 'America/Los_Angeles' } });
    expect(await out('{{ page.date | date: "%Z %z" }}|{{ "2025-07-01 12:00" | date: "%Z %z %H" }}|{{ "2025-07-01T12:00:00Z" | date_to_rfc822 }}', la)).toBe('PST -0800|PDT -0700 12|Tue, 01 Jul 2025 05:00:00 -0700');
  });

  it('reads now and today as the given clock, in the site’s zone', async () => {
    expect(await out('{{ "now" | date: "%F %H:%M %Z" }}|{{ "today" | date_to_string }}', siteContext(), { nowMs: Date.parse('2025-12-31T20:00:00Z') })).toBe('2026-01-01 05:00 KST|01 Jan 2026');
  });

  it('leaves what date cannot read, and stops where Jekyll’s date filters cannot', async () => {
    expect(await out('{{ "garbage" | date: "%Y" }}|{{ nil | date: "%Y" }}|{{ "" | date_to_string }}|{{ page.date | date: "" }}')).toBe('garbage|||2025-03-02 08:30:00 +0900');
    const result = await render('{{ "garbage" | date_to_xmlschema }}');
    expect(result.problems).toEqual([{ line: 1, message: `Invalid Date: '"garbage"' is not a valid datetime; jekyll build will stop here` }]);
  });
});

describe('array filters', () => {
  it.each([
    ['{{ site.data.people | where: "team", "red" | map: "name" | join: "," }}', 'Ann,Cid'],
    ['{{ site.data.people | where: "tags", "x" | map: "name" | join: "," }}', 'Ann,Cid'],
    ['{{ site.data.people | where: "age", "30" | map: "name" | join: "," }}', 'Ann'],
    ['{{ site.data.people | where: "nick", nil | map: "name" | join: "," }}', 'Ann,Cid'],
    ['{{ site.data.people | where: "nick", empty | map: "name" | join: "," }}', 'Ann,Cid'],
    ['{{ site.data.people | where_exp: "p", "p.age > 25" | map: "name" | join: "," }}', 'Ann,Cid'],
    [`{{ site.data.people | where_exp: "p", "p.tags contains 'x' or p.team == 'blue'" | map: "name" | join: "," }}`, 'Ann,Bob,Cid'],
    ['{{ site.data.people | find: "team", "blue" | map: "name" }}', 'Bob'],
    ['{{ site.data.people | find_exp: "p", "p.age < 26" | jsonify }}', '{"name":"Bob","team":"blue","age":25,"nick":"bobby"}'],
    ['{{ site.data.people | find: "team", "none" | jsonify }}', 'null'],
    ['{{ site.data.people | group_by_exp: "p", "p.age | modulo: 2" | map: "name" | join: "," }}', '0,1'],
    ['{{ site.data.people | sort: "age" | map: "name" | join: "," }}', 'Bob,Dee,Ann,Cid'],
    ['{{ site.data.people | sort: "nick" | map: "name" | join: "," }}', 'Ann,Cid,Dee,Bob'],
    ['{{ site.data.people | sort: "nick", "last" | map: "name" | join: "," }}', 'Dee,Bob,Ann,Cid'],
    ['{{ site.data.nums | sort | join: "," }}', '1,2,3'],
    ['{{ site.data.nums | push: 9 | join: "," }}|{{ site.data.nums | pop | join: "," }}|{{ site.data.nums | pop: 2 | join: "," }}', '3,1,2,9|3,1|3'],
    ['{{ site.data.nums | shift | join: "," }}|{{ site.data.nums | unshift: 0 | join: "," }}|{{ "str" | push: 1 }}', '1,2|0,3,1,2|str'],
    ['{{ site.data.nums | sample }}|{{ site.data.nums | sample: 2 | join: "," }}', '3|3,1'],
    ['{{ page.tags | array_to_sentence_string }}|{{ page.tags | array_to_sentence_string: "or" }}|{{ page.tags | slice: 0, 2 | array_to_sentence_string }}', 'b, a, and 한글|b, a, or 한글|b and a'],
  ])('%s → %s', async (source, expected) => {
    expect(await out(source)).toBe(expected);
  });

  it('groups with Jekyll’s name/items/size', async () => {
    expect(await out('{{ site.data.people | group_by: "team" | map: "size" | join: "," }}|{{ site.data.people | group_by: "team" | first | jsonify }}')).toBe(
      '2,1,1|{"name":"red","items":[{"name":"Ann","team":"red","age":30,"tags":["x","y"]},{"name":"Cid","team":"red","age":41,"tags":"x"}],"size":2}',
    );
  });

  it('reports what Jekyll’s sort refuses', async () => {
    expect((await render('{{ nil | sort }}')).problems[0]?.message).toBe('Cannot sort a null object; jekyll build will stop here');
    expect((await render('{{ site.data.people | sort: "age", "middle" }}')).problems[0]?.message).toMatch(/^Invalid nils order: 'middle'/u);
    const mixed = await render('{{ page.a | sort }}\n{{ page.b | sort }}', siteContext({ page: { a: [1, 'a'], b: ['a', 1] } }));
    expect(mixed.problems.map((p) => p.message)).toEqual(['comparison of Integer with String failed; jekyll build will stop here', 'comparison of String with 1 failed; jekyll build will stop here']);
  });
});

describe('string filters', () => {
  it.each([
    ['{{ "Hello world  foo" | number_of_words }}', '3'],
    ['{{ "안녕 하세요 world" | number_of_words }}|{{ "안녕 하세요 world" | number_of_words: "cjk" }}|{{ "안녕 하세요 world" | number_of_words: "auto" }}', '3|6|6'],
    ['{{ "hello world" | number_of_words: "auto" }}|{{ "日本語テキスト and more" | number_of_words: "cjk" }}', '2|9'],
    ['{{ page.xq | xml_escape }}', 'a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;'],
    [`{{ "foo,bar;baz? 한 /&=+ ~*'()" | cgi_escape }}`, 'foo%2Cbar%3Bbaz%3F+%ED%95%9C+%2F%26%3D%2B+~%2A%27%28%29'],
    [`{{ "foo, bar baz? 한 /&=+ ~*'()#[]%20" | uri_escape }}`, "foo,%20bar%20baz?%20%ED%95%9C%20/&=+%20~*'()#[]%20"],
    ['{{ "Hello, World! 한글 제목" | slugify }}|{{ "Hello, World!" | slugify: "pretty" }}', 'hello-world-한글-제목|hello,-world!'],
    ['{{ "Héllo Wörld" | slugify: "ascii" }}|{{ "Héllo Wörld" | slugify: "latin" }}|{{ "A  B" | slugify: "raw" }}|{{ "A B" | slugify: "none" }}', 'h-llo-w-rld|hello-world|a-b|a b'],
    ['{{ page.sq | smartify }}', '“Hello” it’s – a… test — `x` <b>“q”</b>'],
    ['{{ page.title | jsonify }}|{{ nil | jsonify }}|{{ page.tags | jsonify }}|{{ page.date | jsonify }}', '"Cases & \\"quotes\\""|null|["b","a","한글"]|"2025-03-02 08:30:00 +0900"'],
    ['{{ page.tags | inspect }}|{{ nil | inspect }}|{{ page.date | inspect }}', '[&quot;b&quot;, &quot;a&quot;, &quot;한글&quot;]|nil|2025-03-02 08:30:00 +0900'],
    ['{{ page.ws | normalize_whitespace }}', 'a b c'],
    ['{{ "12abc" | to_integer }}|{{ true | to_integer }}|{{ "3.7" | to_integer }}|{{ nil | to_integer }}', '12|1|3|0'],
    ['{{ 10 | divided_by: 3 }}|{{ 10 | divided_by: 4.0 }}|{{ -7 | divided_by: 2 }}|{{ -7 | modulo: 3 }}', '3|2.5|-4|2'],
  ])('%s → %s', async (source, expected) => {
    const page = { xq: `a <b> & "c" 'd'`, sq: '"Hello" it\'s -- a... test --- `x` <b>"q"</b>', ws: '  a \n\t b\u3000c  ' };
    expect(await out(source, siteContext({ page }))).toBe(expected.replace('a b c', 'a b\u3000c'));
  });

  it('uses the markdownify the caller gives, else escapes', async () => {
    expect(await out('{{ "**bold** <i>" | markdownify }}')).toBe('**bold** &lt;i&gt;');
    expect(await out('{{ "**bold**" | markdownify }}', siteContext(), { markdownify: (text) => `<p>${text.replace(/\*\*(.*)\*\*/u, '<strong>$1</strong>')}</p>\n` })).toBe('<p><strong>bold</strong></p>\n');
  });

  it('passes unknown filters through, including liquidjs filters Ruby’s Liquid lacks', async () => {
    expect(await out('{{ "abc" | nosuchfilter: 1 | upcase }}|{{ site.data.nums | sum }}|{{ "a  b" | squish }}')).toBe('ABC|312|a  b');
  });
});
