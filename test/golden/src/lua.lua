-- Utilities.
local M = {}

-- Add two numbers.
function M.add(a, b)
  return a + b
end

function M:describe()
  return "m"
end

local function helper(x)
  return x
end

local square = function(x)
  return x * x
end

function top()
end

local mt = {
  __index = function(t, k)
    return k
  end,
}

M.version = "1.0"
local limit = 10

return M
