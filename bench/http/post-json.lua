-- A JSON POST (POST /v1/keys/verify) whose body and Authorization header come from the environment.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("WRK_AUTH")
dofile(os.getenv("WRK_REPORT"))
