-- wrk script: each request asks one line of a file (a question or a document id), drawn with a
-- Zipf-like repeat pattern (the line of rank k in proportion to 1/k), URL-encoded after PREFIX.
--   wrk -s bench/mix.lua URL -- FILE PREFIX
-- With PREFIX "-", each line is "PREFIX<TAB>TEXT" (a mix of pages in one file).
local lines, cumulative, total = {}, {}, 0

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file, prefix = args[1], args[2]
  for line in io.lines(file) do
    if #line > 0 then
      if prefix == "-" then
        local p, text = line:match("^([^\t]*)\t(.*)$")
        lines[#lines + 1] = p .. encode(text)
      else
        lines[#lines + 1] = prefix .. encode(line)
      end
      total = total + 1 / #lines
      cumulative[#lines] = total
    end
  end
  math.randomseed(os.time() + (id or 0))
end

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function request()
  local x = math.random() * total
  local lo, hi = 1, #lines
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < x then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", lines[lo])
end
