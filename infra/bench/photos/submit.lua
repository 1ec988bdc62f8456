-- wrk script: every request is a new report by one patrol with three photos of about 3 MB, as a
-- multipart form. Each photo gets 24 bytes of its own after the image's end, so no two requests
-- store the same file (storage keeps one file per content, which would flatter the figures).
-- Set TOKEN to patrol1's access token and PHOTOS to the folder with photo-1.jpg .. photo-3.jpg.
local token = os.getenv("TOKEN")
local folder = os.getenv("PHOTOS")
local boundary = "bench-photos-boundary"
local observed = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
local photos = {}
for i = 1, 3 do
  local file = assert(io.open(folder .. "/photo-" .. i .. ".jpg", "rb"))
  photos[i] = file:read("*a")
  file:close()
end
local counter = 0
local threads = 0
local run = os.time()

local function uuid()
  return string.format("%08x-%04x-4%03x-8%03x-%012x", run % 0x100000000, thread_id or 0,
    math.floor(counter / 0x1000) % 0x1000, counter % 0x1000, counter)
end

local all = {}
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
  all[#all + 1] = thread
end

created, turned_away, photo_bytes = 0, 0, 0

function request()
  counter = counter + 1
  local id = uuid()
  local lat = 21.0405 + math.random() * 0.0090
  local lon = 105.8805 + math.random() * 0.0100
  local report = string.format(
    '{"clientReportId":"%s","category":"SIDEWALK_ENCROACHMENT","subtype":"GOODS_DISPLAY",'
      .. '"description":"Vi phạm có ảnh (tải thử %d)","addressText":"Số %d Nguyễn Văn Cừ",'
      .. '"location":{"lat":%.6f,"lon":%.6f,"accuracyM":8},"observedAt":"%s"}',
    id, counter, counter % 300 + 1, lat, lon, observed)
  local parts = {
    "--", boundary, "\r\nContent-Disposition: form-data; name=\"report\"\r\n",
    "Content-Type: application/json\r\n\r\n", report, "\r\n",
  }
  for i = 1, 3 do
    parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p"
      .. i .. ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
    parts[#parts + 1] = photos[i]
    parts[#parts + 1] = string.format("%08x%04x%010x%02d", run % 0x100000000, thread_id or 0, counter, i)
    parts[#parts + 1] = "\r\n"
  end
  parts[#parts + 1] = "--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/v1/reports", {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Authorization"] = "Bearer " .. token,
  }, table.concat(parts))
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    photo_bytes = photo_bytes + #photos[1] + #photos[2] + #photos[3] + 72
  elseif status == 503 then
    turned_away = turned_away + 1
  else
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end

-- Reports taken and photo bytes stored per second, from the threads' counts.
function done(summary, latency, requests)
  local reports, bytes, away = 0, 0, 0
  for _, thread in ipairs(all) do
    reports = reports + thread:get("created")
    bytes = bytes + thread:get("photo_bytes")
    away = away + thread:get("turned_away")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("reports created: %d (%.1f/s), photo MB/s: %.1f, turned away (503): %d\n",
    reports, reports / seconds, bytes / seconds / 1e6, away))
end
