-- wrk script: every request carries the next token of the file named by $TOKENS_FILE, so each
-- token reaches the server once (the "never-seen token" run). Use with one thread; the file must
-- hold more tokens than the run sends (the script reports a wrap-around on stderr).
local tokens = {}
local next_token = 1
local wrapped = false

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    tokens[#tokens + 1] = line
  end
end

function request()
  local token = tokens[next_token]
  next_token = next_token + 1
  if next_token > #tokens then
    next_token = 1
    if not wrapped then
      io.stderr:write("tokens.lua: ran out of tokens; later requests repeat them\n")
      wrapped = true
    end
  end
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. token })
end
