package org.socialwork.stations.region;

/** Refusal of the imported data; the job stores the message key and arguments, not the text. */
class RegionImportException extends RuntimeException {

    final String key;
    final String[] args;

    RegionImportException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            this.args[i] = String.valueOf(args[i]);
        }
    }
}
