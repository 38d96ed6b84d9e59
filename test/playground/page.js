// The playground page: shows what the stand-in's Discord holds for the member you act as, and sends what you do to the bot.
const $ = (id) => document.getElementById(id);
const view = { as: '', channel: '', state: undefined, command: undefined };

async function api(path, body) {
  const response = await fetch(path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
  return response.json();
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function relative(seconds) {
  const diff = seconds * 1000 - Date.parse(view.state.clock);
  const units = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const [unit, ms] = units.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1000];
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(Math.round(diff / ms), unit);
}

/** Discord's markdown, as far as the bot uses it: mentions, timestamps, bold, italics, code, links. */
function markdown(text) {
  const nameOf = (id) => view.state.people.find((p) => p.id === id)?.name ?? (id === view.state.bot.id ? view.state.bot.name : 'someone');
  const channelName = (id) => view.state.channels.find((c) => c.id === id)?.name ?? 'channel';
  return escapeHtml(text ?? '')
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => `<span class="mention">@${escapeHtml(nameOf(id))}</span>`)
    .replace(
      /&lt;@&amp;(\d+)&gt;/g,
      (_, id) => `<span class="mention">@${escapeHtml(view.state.roles.find((r) => r.id === id)?.name ?? 'deleted-role')}</span>`,
    )
    .replace(/&lt;#(\d+)&gt;/g, (_, id) => `<span class="mention">#${escapeHtml(channelName(id))}</span>`)
    .replace(
      /&lt;t:(\d+)(?::([tTdDfFR]))?&gt;/g,
      (_, s, style) => `<span class="timestamp">${style === 'R' ? relative(Number(s)) : new Date(Number(s) * 1000).toLocaleString()}</span>`,
    )
    .replace(/\*\*(.+?)\*\*/gs, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>');
}

const attachmentUrl = (attachment) => `/api/attachments/${attachment.id}/${encodeURIComponent(attachment.filename)}`;

function imageUrl(message, url) {
  if (!url?.startsWith('attachment://')) return url;
  const attachment = message.attachments?.find((a) => a.filename === url.slice('attachment://'.length));
  return attachment ? attachmentUrl(attachment) : undefined;
}

function embedHtml(message, embed) {
  const colour = embed.color !== undefined ? `#${embed.color.toString(16).padStart(6, '0')}` : '#1e1f22';
  const fields = (embed.fields ?? [])
    .map(
      (f) =>
        `<div class="field${f.inline ? ' inline' : ''}"><div class="field-name">${markdown(f.name)}</div><div class="field-value">${markdown(f.value)}</div></div>`,
    )
    .join('');
  const image = imageUrl(message, embed.image?.url);
  return `<div class="embed" style="border-left-color:${colour}">
    ${embed.author ? `<div class="embed-author">${escapeHtml(embed.author.name)}</div>` : ''}
    ${embed.title ? `<div class="embed-title">${markdown(embed.title)}</div>` : ''}
    ${embed.description ? `<div class="embed-description">${markdown(embed.description)}</div>` : ''}
    ${fields ? `<div class="fields">${fields}</div>` : ''}
    ${image ? `<img alt="${escapeHtml(embed.image.url)}" src="${escapeHtml(image)}">` : ''}
    ${embed.footer ? `<div class="embed-footer">${escapeHtml(embed.footer.text)}</div>` : ''}
  </div>`;
}

const buttonStyles = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function messageHtml(message) {
  const inEmbeds = new Set((message.embeds ?? []).map((e) => e.image?.url?.replace('attachment://', '')));
  const attachments = (message.attachments ?? [])
    .filter((a) => !inEmbeds.has(a.filename))
    .map((a) =>
      a.content_type?.startsWith('image/')
        ? `<img class="attachment" alt="${escapeHtml(a.filename)}" src="${attachmentUrl(a)}">`
        : `<a href="${attachmentUrl(a)}" download="${escapeHtml(a.filename)}">📎 ${escapeHtml(a.filename)}</a>`,
    )
    .join('');
  const rows = (message.components ?? [])
    .map(
      (row) =>
        `<div class="row">${row.components
          .map(
            (b) =>
              `<button type="button" class="${buttonStyles[b.style] ?? ''}" data-message="${message.id}" data-custom-id="${escapeHtml(b.custom_id ?? '')}" ${b.disabled ? 'disabled' : ''}>${escapeHtml([b.emoji?.name, b.label].filter(Boolean).join(' '))}</button>`,
          )
          .join('')}</div>`,
    )
    .join('');
  return `<li class="message${message.onlyYou ? ' ephemeral' : ''}" data-id="${message.id}">
    <span class="author">${escapeHtml(message.author?.global_name ?? message.author?.username ?? '')}</span>${message.author?.bot ? '<span class="app">APP</span>' : ''}
    <div class="content">${markdown(message.content)}</div>
    ${(message.embeds ?? []).map((e) => embedHtml(message, e)).join('')}${attachments}${rows}
    ${message.onlyYou ? '<div class="only-you">👁 Only you can see this</div>' : ''}
  </li>`;
}

function render() {
  const s = view.state;
  if (s.courseError) {
    $('course-error').hidden = false;
    $('course-error').textContent = s.courseError;
    return;
  }
  $('acting-as').innerHTML = s.people
    .map((p) => `<option value="${p.id}" ${p.id === s.me ? 'selected' : ''}>${escapeHtml(p.name)}</option>`)
    .join('');
  $('clock').textContent = `🕘 ${new Date(s.clock).toUTCString().replace(' GMT', ' UTC')}`;
  $('channels').innerHTML =
    `<div class="muted">${escapeHtml(s.guild.name)}</div>` +
    s.channels
      .map(
        (c) =>
          `<a class="${c.kind}${c.id === s.open ? ' open' : ''}" data-channel="${c.id}">${c.kind === 'dm' ? '✉️ ' : c.kind === 'thread' ? '↳ ' : '# '}${escapeHtml(c.name)}</a>`,
      )
      .join('');
  const open = s.channels.find((c) => c.id === s.open);
  $('channel-name').textContent = open.kind === 'dm' ? open.name : `${open.kind === 'thread' ? '🧵' : '#'} ${open.name}`;
  $('failures').hidden = s.failures.length === 0;
  $('failures').textContent = `Discord would reject this:\n${s.failures.join('\n')}`;
  const list = $('messages');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
  list.innerHTML = s.messages.map(messageHtml).join('');
  if (atBottom) list.scrollTop = list.scrollHeight;
}

let asked = 0;
let shown = '';
/** Reads the state; an answer to an older question (before a switch of member or channel) is dropped, and an unchanged one redraws nothing. */
async function refresh() {
  const question = ++asked;
  const text = await (await fetch(`/api/state?as=${view.as}&channel=${view.channel}`)).text();
  if (question !== asked || text === shown) return;
  shown = text;
  view.state = JSON.parse(text);
  view.as = view.state.me ?? view.as;
  view.channel = view.state.open ?? view.channel;
  render();
}

/** The commands the bot registered that may be used where the page is now (a DM or the server). */
function usableCommands() {
  const inDm = view.state.channels.find((c) => c.id === view.state.open)?.kind === 'dm';
  const organiser = view.state.people.find((p) => p.id === view.state.me)?.organiser;
  // As in Discord: organisers' commands (default_member_permissions) are hidden from other members, and none of those work in DMs.
  const hidden = (c) => c.default_member_permissions !== null && c.default_member_permissions !== undefined && (!organiser || inDm);
  return view.state.commands.filter((c) => (!c.contexts || c.contexts.includes(inDm ? 1 : 0)) && !hidden(c));
}

function showSuggestions() {
  const typed = $('command').value;
  const list = $('suggestions');
  if (!typed.startsWith('/') || view.command) return (list.hidden = true);
  const matching = usableCommands().filter((c) => c.name.startsWith(typed.slice(1).split(' ')[0]));
  list.innerHTML = matching
    .map((c) => `<li data-command="${c.name}"><strong>/${c.name}</strong> <span class="muted">${escapeHtml(c.description)}</span></li>`)
    .join('');
  list.hidden = matching.length === 0;
}

function optionsOf(command) {
  const sub = command.options?.filter((o) => o.type === 1) ?? [];
  if (sub.length === 0) return command.options ?? [];
  return sub.find((o) => o.name === $('subcommand')?.value)?.options ?? sub[0].options ?? [];
}

function fieldHtml(option) {
  const label = `${option.name}${option.required ? ' *' : ''}`;
  const entries = (list) => list.map((e) => `<option value="${escapeHtml(e.id)}">${escapeHtml(e.name)}</option>`).join('');
  const select = (inner) => `<select data-option="${option.name}" data-type="${option.type}"><option value=""></option>${inner}</select>`;
  const choices = (option.choices ?? []).map((c) => `<option value="${escapeHtml(c.value)}">${escapeHtml(c.name)}</option>`).join('');
  const limits = [
    option.min_value !== undefined ? `min="${option.min_value}"` : '',
    option.max_value !== undefined ? `max="${option.max_value}"` : '',
    option.max_length ? `maxlength="${option.max_length}"` : '',
  ].join(' ');
  const input = `<input data-option="${option.name}" data-type="${option.type}" ${option.type === 4 || option.type === 10 ? 'type="number"' : ''} ${limits} ${option.autocomplete ? 'data-autocomplete="true"' : ''} placeholder="${escapeHtml(option.description)}">`;
  const controls = {
    5: () => select('<option value="true">true</option><option value="false">false</option>'),
    6: () => select(entries(view.state.people)),
    7: () => select(entries(view.state.channels.filter((c) => c.kind === 'text'))),
    8: () => select(entries(view.state.roles)),
    9: () => select(entries(view.state.people)),
  };
  const control = option.choices ? select(choices) : (controls[option.type]?.() ?? input);
  return `<label>${escapeHtml(label)}${control}${option.autocomplete ? `<ul class="choices" data-choices-for="${option.name}" hidden></ul>` : ''}</label>`;
}

function chooseCommand(name) {
  view.command = view.state.commands.find((c) => c.name === name);
  $('command').value = `/${name}`;
  $('suggestions').hidden = true;
  const subcommands = view.command.options?.filter((o) => o.type === 1) ?? [];
  const chooser = subcommands.length
    ? `<label>subcommand<select id="subcommand">${subcommands.map((o) => `<option value="${o.name}">${o.name}</option>`).join('')}</select></label>`
    : '';
  $('command-options').innerHTML = chooser + `<span id="option-fields">${optionsOf(view.command).map(fieldHtml).join('')}</span>`;
  $('subcommand')?.addEventListener('change', () => ($('option-fields').innerHTML = optionsOf(view.command).map(fieldHtml).join('')));
}

function optionValues() {
  const values = {};
  for (const input of $('command-options').querySelectorAll('[data-option]')) {
    const raw = input.dataset.value && input.dataset.shown === input.value ? input.dataset.value : input.value;
    if (raw === '') continue;
    const type = Number(input.dataset.type);
    values[input.dataset.option] = type === 4 || type === 10 ? Number(raw) : type === 5 ? raw === 'true' : raw;
  }
  return values;
}

async function autocomplete(input) {
  const { choices = [], error } = await api('/api/autocomplete', {
    ...commandRequest(),
    focused: { name: input.dataset.option, value: input.value },
  });
  showError(error);
  const list = document.querySelector(`[data-choices-for="${input.dataset.option}"]`);
  list.innerHTML = choices.map((c) => `<li data-value="${escapeHtml(c.value)}">${escapeHtml(c.name)}</li>`).join('');
  list.hidden = choices.length === 0;
}

function commandRequest() {
  const subcommand = $('subcommand')?.value;
  return { as: view.as, channel: view.channel, name: view.command.name, ...(subcommand ? { subcommand } : {}), options: optionValues() };
}

function showError(error) {
  $('command-error').hidden = !error;
  $('command-error').textContent = error ?? '';
}

$('command').addEventListener('input', () => {
  if (view.command && !$('command').value.startsWith(`/${view.command.name}`)) {
    view.command = undefined;
    $('command-options').innerHTML = '';
  }
  showSuggestions();
});
$('suggestions').addEventListener('click', (event) => {
  const item = event.target.closest('[data-command]');
  if (item) chooseCommand(item.dataset.command);
});
let typing;
$('command-options').addEventListener('input', (event) => {
  if (!event.target.dataset.autocomplete) return;
  clearTimeout(typing);
  typing = setTimeout(() => void autocomplete(event.target), 150);
});
$('command-options').addEventListener('click', (event) => {
  const choice = event.target.closest('.choices li');
  if (!choice) return;
  const list = choice.parentElement;
  const input = list.parentElement.querySelector('[data-option]');
  input.value = choice.textContent;
  input.dataset.value = choice.dataset.value;
  input.dataset.shown = choice.textContent;
  list.hidden = true;
});
$('command-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!view.command) {
    const name = $('command').value.slice(1).trim().split(' ')[0];
    if (!usableCommands().some((c) => c.name === name)) return showError(`There is no /${name} here. Type / to see the bot's commands.`);
    return chooseCommand(name);
  }
  if (!usableCommands().includes(view.command)) return showError(`/${view.command.name} cannot be used here (or by this member).`);
  $('send').disabled = true;
  try {
    const result = await api('/api/command', commandRequest());
    showError(result.error);
    if (!result.error) {
      view.command = undefined;
      $('command').value = '';
      $('command-options').innerHTML = '';
    }
  } catch (error) {
    showError(`The playground did not answer: ${error.message}. Is it still running?`);
  } finally {
    $('send').disabled = false;
  }
  await refresh();
});
$('messages').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-custom-id]');
  if (!button) return;
  button.disabled = true;
  const result = await api('/api/click', {
    as: view.as,
    channel: view.channel,
    messageId: button.dataset.message,
    customId: button.dataset.customId,
  });
  showError(result.error);
  await refresh();
});
$('channels').addEventListener('click', (event) => {
  const link = event.target.closest('[data-channel]');
  if (!link) return;
  view.channel = link.dataset.channel;
  void refresh();
});
$('acting-as').addEventListener('change', () => {
  const wasDm = view.state.channels.find((c) => c.id === view.state.open)?.kind === 'dm';
  view.as = $('acting-as').value;
  if (wasDm) view.channel = '';
  void refresh();
});
for (const [id, to] of [
  ['next-post', 'next-post'],
  ['next-day', 'next-day'],
])
  $(id).addEventListener('click', async () => {
    $(id).disabled = true;
    try {
      showError((await api('/api/clock', { to })).error);
    } catch (error) {
      showError(`The playground did not answer: ${error.message}. Is it still running?`);
    } finally {
      $(id).disabled = false;
    }
    await refresh();
  });

await refresh();
setInterval(() => void refresh(), 2000);
