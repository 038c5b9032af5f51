-- A GET with the Authorization header from the environment (none when unset).
local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
dofile(os.getenv("WRK_REPORT"))
