"""What a build keeps between runs: the content-hash cache (`cache.DigestCache`) and the
note of the last clean build (`last_build`)."""
