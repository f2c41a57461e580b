-- Distinct requests on every call: monograph pages, searches (never the same query twice),
-- 404s (never the same path twice) and dose-form posts with varying values. Issue 12.4.
local counter = 0
local slugs = { "clofarabine", "methotrexate", "folicacid", "paracetamol", "ibuprofen", "amoxicillin" }
local words = { "leukemia", "dose", "renal", "child", "infection", "pain", "fever", "tablet", "liver", "nausea" }

init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

request = function()
  counter = counter + 1
  local kind = counter % 4
  local n = math.random(1, 1000000000)
  if kind == 0 then
    return wrk.format("GET", "/composition/" .. slugs[(n % #slugs) + 1] .. "/")
  elseif kind == 1 then
    local q = words[(n % #words) + 1] .. "+" .. words[(math.floor(n / 7) % #words) + 1] .. "+x" .. n
    return wrk.format("GET", "/search?q=" .. q)
  elseif kind == 2 then
    return wrk.format("GET", "/composition/no-such-drug-" .. n .. "/")
  else
    local body = string.format("ageYears=%d&sex=male&weightKg=%d&heightCm=%d&scrMgDl=0.%d",
      2 + (n % 15), 12 + (n % 50), 90 + (n % 90), 3 + (n % 6))
    return wrk.format("POST", "/composition/clofarabine/dose",
      { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
end
