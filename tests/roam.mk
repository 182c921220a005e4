# Remote attach through the impairment proxy: roaming, outages, tokens.
