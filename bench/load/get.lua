-- A signed-in GET (the ceiling: authentication and routing, no engine, no database).
wrk.headers["Cookie"] = os.getenv("NETPATH_COOKIE")
