-- wrk script: GET a random id from ids.txt on PATH_PREFIX, with an optional bearer token.
local ids = {}
local prefix = os.getenv("PATH_PREFIX")
local token = os.getenv("TOKEN")

for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end

request = function()
  local headers = {}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", prefix .. ids[math.random(#ids)], headers)
end
