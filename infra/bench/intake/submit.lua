-- wrk script: every request is a new JSON-only report by one patrol, with a fresh client id, at a
-- point inside the demo ward, observed a minute ago. Set TOKEN to patrol1's access token, and
-- LOAD=spread for the whole ward and all three categories.
local token = os.getenv("TOKEN")
-- LOAD=spread: points over the whole demo ward in the three categories; otherwise one hot box.
local spread = os.getenv("LOAD") == "spread"
local kinds = {
  {"SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY"}, {"CONSTRUCTION", "MATERIALS_ON_ROAD"}, {"SANITATION", "LITTERING"}
}
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
  local lat, lon, kind
  if spread then
    -- The whole ward, every category: a ward's day, sped up.
    lat = 21.0405 + math.random() * 0.0090
    lon = 105.8805 + math.random() * 0.0100
    kind = kinds[math.random(1, 3)]
  else
    -- One 330 m x 415 m box, one category: nearly every report a duplicate at a few hundred places.
    lat = 21.0440 + math.random() * 0.0030
    lon = 105.8830 + math.random() * 0.0040
    kind = kinds[1]
  end
  local body = string.format(
    '{"clientReportId":"%s","category":"%s","subtype":"%s",'
      .. '"description":"Vi phạm (tải thử %d)","addressText":"Số %d Nguyễn Văn Cừ",'
      .. '"location":{"lat":%.6f,"lon":%.6f,"accuracyM":8},"observedAt":"%s"}',
    uuid(), kind[1], kind[2], counter, counter % 300 + 1, lat, lon, observed)
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
