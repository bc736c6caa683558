package dev.cascade.store;

import io.questdb.cairo.DefaultCairoConfiguration;

/**
 * QuestDB's settings for Cascade's embedded store: the defaults, with the SQL compiler's object pools and the
 * writers' memory pages sized for a handful of small tables and short queries rather than a database server's load.
 * QuestDB's defaults pre-fill each SQL compiler with some 40,000 parser objects (lexer sequences, expression
 * nodes, query models; about 20 MB of heap in the demo) and map 1-8 MB pages per column written. The pools grow
 * when a query needs more, and smaller pages only mean more, smaller mappings.
 */
final class StoreConfiguration extends DefaultCairoConfiguration {
    private final boolean isReadOnly;

    StoreConfiguration(String root, boolean isReadOnly) {
        super(root);
        this.isReadOnly = isReadOnly;
    }

    @Override
    public boolean isReadOnlyInstance() {
        return isReadOnly;
    }

    @Override
    public int getSqlLexerPoolCapacity() {
        return 64; // default 2048
    }

    @Override
    public int getSqlExpressionPoolCapacity() {
        return 256; // default 8192
    }

    @Override
    public int getSqlModelPoolCapacity() {
        return 32; // default 1024
    }

    @Override
    public int getSqlColumnPoolCapacity() {
        return 128; // default 4096
    }

    @Override
    public int getSqlCompilerPoolCapacity() {
        return 2; // default 10: the writer and one query at a time
    }

    @Override
    public long getWalDataAppendPageSize() {
        return 256 * 1024; // default 1 MB
    }

    @Override
    public long getDataAppendPageSize() {
        return 512 * 1024; // default 2 MB
    }

    @Override
    public int getO3ColumnMemorySize() {
        return 1024 * 1024; // default 8 MB
    }
}
