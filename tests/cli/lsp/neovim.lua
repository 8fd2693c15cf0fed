-- Neovim's own language client on organigram's server, driven by tests/cli/lsp/neovim.rs.
--
-- Neovim starts in a copy of the built-in description's workspace with the set-up of
-- docs/editors.md as its init.lua (which starts `organigram lsp` for JSON files), and this
-- script, sourced after it, does what a person does: open org/justice.json and wait for the
-- server's problems, break a tie and mend it, jump from a tie to its unit, rename a unit and
-- list its references. It
-- writes what it saw to the JSON file $ORGANIGRAM_RESULT, which the Rust test asserts on, and
-- quits whatever happens.

local result = {}
-- How long to wait for the server at each step, in milliseconds: long for a slow CI machine,
-- and short enough that the eight waits, all in vain, end before the Rust test's timeout (120 s),
-- so that what was seen is still written.
local PATIENCE = 12000

-- The buffer's problems, as `{code, line, severity, message}` (lines from 0).
local function problems(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, { code = d.code, line = d.lnum, severity = d.severity, message = d.message })
  end
  return found
end

-- Whether the buffer has a problem of `code` on `line`.
local function has(buf, code, line)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code and d.lnum == line then
      return true
    end
  end
  return false
end

-- The line (from 0) of the first line of `buf` from `from` that matches `pattern`, and its text.
local function find(buf, pattern, from)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i = (from or 0) + 1, #lines do
    if lines[i]:find(pattern) then
      return i - 1, lines[i]
    end
  end
  return nil, nil
end

-- The first location of a definition's answer: a Location, a list of them, or LocationLinks.
local function first_location(answer)
  if answer == nil then
    return nil
  end
  if answer.uri or answer.targetUri then
    answer = { answer }
  end
  local location = answer[1]
  if location == nil then
    return nil
  end
  local range = location.targetSelectionRange or location.range
  return { uri = location.uri or location.targetUri, line = range and range.start.line }
end

local function run()
  vim.o.hidden = true
  vim.cmd("edit org/justice.json")
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  result.attached = vim.wait(PATIENCE, function()
    return #vim.lsp.buf_get_clients(buf) > 0
  end, 20)

  -- 1. The server's problems arrive for the file opened.
  result.diagnosed = vim.wait(PATIENCE, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  result.diagnostics = problems(buf)

  -- 2. A tie's `to` broken: an unknown unit on its line; mended by undo: gone.
  local ties = find(buf, '"ties"%s*:')
  local line, text = find(buf, '"to"%s*:%s*"', ties)
  local before, id = text:match('^(.-"to"%s*:%s*")([^"]*)"')
  result.tie = { line = line, to = id }
  vim.api.nvim_buf_set_text(buf, line, #before + #id, line, #before + #id, { "-nowhere" })
  result.broken_text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  result.broken = vim.wait(PATIENCE, function()
    return has(buf, "unknown-unit", line)
  end, 20)
  result.broken_diagnostics = problems(buf)
  vim.cmd("undo")
  result.mended_text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  result.mended = vim.wait(PATIENCE, function()
    return not has(buf, "unknown-unit", line)
  end, 20)

  -- 3. From the tie's `to` to its unit: the request itself, then the command a person types.
  vim.api.nvim_win_set_cursor(0, { line + 1, #before + 1 })
  local params = vim.lsp.util.make_position_params()
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, PATIENCE)
  local answer = nil
  for _, response in pairs(answers or {}) do
    answer = answer or response.result
    result.definition_error = result.definition_error or (response.err and response.err.message)
  end
  result.definition = first_location(answer)
  vim.lsp.buf.definition()
  result.jumped = vim.wait(PATIENCE, function()
    return vim.api.nvim_win_get_cursor(0)[1] ~= line + 1
  end, 20)
  local cursor = vim.api.nvim_win_get_cursor(0)
  result.jump = {
    file = vim.api.nvim_buf_get_name(0),
    line = cursor[1] - 1,
    text = vim.api.nvim_get_current_line(),
  }

  -- 4. A unit renamed from its declaration: every file that names it follows, written to disk.
  local old, new = os.getenv("ORGANIGRAM_RENAME_FROM"), os.getenv("ORGANIGRAM_RENAME_TO")
  vim.api.nvim_set_current_buf(buf)
  local units = find(buf, '"units"%s*:')
  local declared, declaration = find(buf, '"id"%s*:%s*"' .. vim.pesc(old) .. '"', units)
  result.declaration = declared
  local column = declaration:find('"' .. vim.pesc(old) .. '"', 1, false)
  vim.api.nvim_win_set_cursor(0, { declared + 1, column })
  vim.lsp.buf.rename(new)
  result.renamed = vim.wait(PATIENCE, function()
    local now = vim.api.nvim_buf_get_lines(buf, declared, declared + 1, false)[1]
    return now:find('"' .. new .. '"', 1, true) ~= nil
  end, 20)
  result.edited = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified then
      table.insert(result.edited, vim.api.nvim_buf_get_name(b))
      vim.api.nvim_buf_call(b, function()
        vim.cmd("silent write")
      end)
    end
  end
  -- The server sees the edits as the editor's: no tie is left naming the old id.
  result.settled = vim.wait(PATIENCE, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == "unknown-unit" then
        return false
      end
    end
    return true
  end, 20)
  result.after_rename = problems(buf)

  -- 5. The renamed unit's references, declaration included: every file that names it.
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_win_set_cursor(0, { declared + 1, column })
  local where = vim.lsp.util.make_position_params()
  where.context = { includeDeclaration = true }
  result.references = {}
  local found = vim.lsp.buf_request_sync(buf, "textDocument/references", where, PATIENCE)
  for _, response in pairs(found or {}) do
    for _, location in ipairs(response.result or {}) do
      table.insert(result.references, {
        file = vim.uri_to_fname(location.uri),
        line = location.range.start.line,
      })
    end
  end
end

local ok, why = pcall(run)
if not ok then
  result.error = tostring(why)
end
local file = io.open(os.getenv("ORGANIGRAM_RESULT"), "w")
if file then
  file:write(vim.fn.json_encode(result))
  file:close()
end
vim.cmd("qa!")
