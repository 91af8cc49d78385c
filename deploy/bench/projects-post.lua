-- wrk script: POST one new service record (a fresh UUID per request) to PATH, with an optional
-- bearer token. Each thread seeds its own generator so threads never send the same id.
local path = os.getenv("POST_PATH")
local token = os.getenv("TOKEN")
local station = os.getenv("STATION")
local worker = os.getenv("WORKER")
local client = os.getenv("CLIENT")
local occurred = os.getenv("OCCURRED_AT")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0) * 7919)
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

request = function()
  local headers = {["Content-Type"] = "application/json"}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  local body = string.format('{"id":"%s","type":"VISIT","occurredAt":"%s","durationMinutes":30,"stationId":"%s",'
    .. '"workerIds":["%s"],"clientIds":["%s"],"serviceItems":["ELDERLY_CARE"]}', uuid(), occurred, station, worker, client)
  return wrk.format("POST", path, headers, body)
end
