/** A parse worker that cannot start: the module throws while it loads. */
throw new Error("this worker cannot start");
