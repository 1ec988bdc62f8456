-- wrk script: every request is a new JSON-only report by one patrol, with a fresh client id, at a
-- point inside the demo ward, observed a minute ago. Set TOKEN to patrol1's access token.
local token = os.getenv("TOKEN")
local observed = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
local counter = 0

local threads = 0
local run = os.time()

-- Unique across threads, requests and runs: the run's start, the thread, the request's number.
local function uuid()
  return string.format("%08x-%04x-4%03x-8%03x-%012x", run % 0x100000000, thread_id or 0,
    math.floor(counter / 0x1000) % 0x1000, counter % 0x1000, counter)
end

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function request()
  counter = counter + 1
  local lat = 21.0440 + math.random() * 0.0030
  local lon = 105.8830 + math.random() * 0.0040
  local body = string.format(
    '{"clientReportId":"%s","category":"SIDEWALK_ENCROACHMENT","subtype":"GOODS_DISPLAY",'
      .. '"description":"Bày hàng trên vỉa hè (tải thử %d)","addressText":"Số %d Nguyễn Văn Cừ",'
      .. '"location":{"lat":%.6f,"lon":%.6f,"accuracyM":8},"observedAt":"%s"}',
    uuid(), counter, counter % 300 + 1, lat, lon, observed)
  return wrk.format("POST", "/api/v1/reports", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
