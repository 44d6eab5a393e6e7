/** The command line's `--help`: Chinese and English side by side. */

export const HELP = `govreport-lint — 政府信息公开工作年度报告检查工具
govreport-lint — checks Chinese government information-disclosure annual reports

用法 / Usage:
  govreport-lint [选项 options] <文件 files | 文件夹 folders | 通配符 globs ...>
  govreport-lint extract [--format csv|json] [-o 文件 file] [--force] <文件 files | 文件夹 folders ...>
  govreport-lint compare [选项 options] <上年报告 last-year> <本年报告 this-year>   （见 compare --help）

  文件夹中查找 .txt .md .docx .pdf .html .htm 文件；不是年度报告的文件会注明后跳过。
  Folders are searched for .txt .md .docx .pdf .html .htm files; files that are not reports are skipped with a note.

  extract：导出每份报告三张表的全部数字及其状态（read 读出、inferred 推断、blank 空白、unreadable 无法读取），
  CSV（默认，UTF-8 BOM，每个数字一行）或 JSON。无法读取的数字使退出码为 1。
  extract: writes every figure of each report's three tables with its state (read, inferred, blank, unreadable),
  as CSV (default; UTF-8 with BOM, one row per figure) or JSON. A figure that cannot be read makes the exit code 1.

选项 / Options:
  -f, --format <stylish|json|sarif|html>
                                     输出格式（默认 stylish；html 为可打印的审核意见）
                                     output format (default: stylish; html is a printable review report)
      --lang <zh|en>                 输出语言（默认中文）/ output language (default: Chinese)
      --fix                          将安全修复写入 .txt/.md 文件（保持编码、BOM 与换行符）
                                     write safe fixes into .txt/.md files (keeps encoding, BOM, line endings)
      --fix-dry-run                  只显示修复的差异（unified diff），不写文件
                                     print the fixes as a unified diff; write nothing
      --rule <规则=级别 id=severity>   覆盖规则级别（error、warning、info、off），可重复
                                     override a rule's severity (error, warning, info, off); repeatable
  -c, --config <文件 file>            只使用此配置文件，不查找 .govreportrc.json
                                     use only this configuration file instead of searching for .govreportrc.json
      --no-config                    不读取任何配置文件 / read no configuration file
      --no-cross-year                不做跨年核对（默认：同一机关相邻两年的报告互相核对）
                                     no cross-year checks (default: reports of one body in consecutive years are compared)
      --previous <文件 file>          检查单个文件时，指定上年报告 / last year's report, when checking one file
      --force                        即使文本不像年度报告也检查 / check texts even if they do not look like reports
      --max-warnings <n>             警告多于 n 个时退出码为 1 / exit 1 when there are more than n warnings
  -q, --quiet                        只报告错误 / report errors only
      --verbose                      显示每个文件的类型、编码与换行符 / show each file's kind, encoding and line endings
      --print-text                   显示检查所用的文本（.docx/.pdf/.html 为提取出的文本），不检查
                                     print the text that is checked (extracted text for .docx/.pdf/.html); no checking
  -o, --output-file <文件 file>       将结果写入文件 / write the report to a file
  -j, --jobs <n|auto>                并行线程数（默认 auto）/ worker threads (default: auto)
      --max-file-size <MB>           大于此大小的文件不读取（默认 50）/ skip files larger than this (default: 50)
      --timeout-per-file <秒 s>      单个文件的检查时限，超时则报告该文件并继续（默认 20，0 为不限制）
                                     time budget per file; past it the file is reported and the run goes on (default: 20, 0 = none)
      --color, --no-color            强制开启/关闭颜色 / force colours on or off
      --suppress-all                 为当前所有问题写入 .govreport-suppressions.json，之后不再显示
                                     write entries for every current problem to .govreport-suppressions.json
      --prune-suppressions           删除 .govreport-suppressions.json 中不再匹配的记录
                                     drop the entries of .govreport-suppressions.json that no longer match
      --print-config-schema          输出 .govreportrc.json 的 JSON Schema / print the JSON schema of .govreportrc.json
  -h, --help                         显示帮助 / show this help
  -v, --version                      显示版本 / show the version

配置 / Configuration:
  .govreportrc.json（从每个文件所在文件夹向上查找，"root": true 停止查找）
  .govreportrc.json, looked for from each file's folder upwards ("root": true stops the search):
    { "rules": { "sum-row-total": "warning" }, "detection": { "force": false } }

忽略 / Suppressions:
  .govreport-suppressions.json（从每个文件所在文件夹向上查找最近的一个）中列出的问题不显示，也不影响退出码。
  Problems listed in the nearest .govreport-suppressions.json above a file are not shown and do not affect the exit code.

退出码 / Exit codes:
  0  没有错误 / no errors
  1  发现错误，或警告多于 --max-warnings / errors found, or more warnings than --max-warnings
  2  用法错误或文件读写错误 / usage error, or a file could not be read or written
`;

/** `govreport-lint compare --help`. */
export const COMPARE_HELP = `govreport-lint compare — 两年报告对比 / year-over-year comparison

用法 / Usage:
  govreport-lint compare [选项 options] <上年报告 last-year> <本年报告 this-year>

  列出三张统计表的每一个数字（上年、本年、变化及变化率），只在一份报告中出现的章节与统计表，以及跨年勾稽关系。
  Lists every figure of the three tables (last year, this year, change and change in percent), the sections and
  tables only one report has, and the cross-year identities.

选项 / Options:
  -f, --format <stylish|json|html>  输出格式（默认 stylish）/ output format (default: stylish)
      --lang <zh|en>                输出语言（默认中文）/ output language (default: Chinese)
  -o, --output-file <文件 file>      将结果写入文件 / write the result to a file
      --changed                     只列出有变化的数字（stylish）/ list only the figures that changed (stylish)
      --color, --no-color           强制开启/关闭颜色 / force colours on or off
  -h, --help                        显示帮助 / show this help
`;
