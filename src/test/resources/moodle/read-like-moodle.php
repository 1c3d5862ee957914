<?php
// Reads a filled grading worksheet the way Moodle's offline-grading import does, with PHP's own functions, and prints
// what Moodle would import, as JSON. Moodle itself does not run here; the steps follow its source:
//   lib/csvlib.class.php, csv_import_reader::load_csv_content: strip the UTF-8 byte order mark, "\r\n" -> "\n",
//     trim, then fgetcsv() with the upload form's separator and '"';
//   mod/assign/feedback/offline/importgradeslib.php, ::init: columns found by their exact header text; ::next: the
//     participant id is the identifier without strlen(get_string('hiddenuser', 'assign')) bytes, the last-modified
//     cell goes through strtotime();
//   lib/moodlelib.php, unformat_float: trim, remove spaces, the language's decsep becomes '.', then (float).
// Usage: php read-like-moodle.php FILE SEPARATOR IDHEADER GRADEHEADER MODIFIEDHEADER HIDDENUSER DECSEP [TIMEZONE]
[$self, $file, $separator, $idheader, $gradeheader, $modifiedheader, $hiddenuser, $decsep] = $argv;
date_default_timezone_set($argv[8] ?? 'Europe/Berlin');

$content = file_get_contents($file);
if (substr($content, 0, 3) === "\xEF\xBB\xBF") {
    $content = substr($content, 3);
}
$content = trim(preg_replace('!\r\n?!', "\n", $content));
$fp = fopen('php://memory', 'w+b');
fwrite($fp, $content);
fseek($fp, 0);
$rows = [];
while ($data = fgetcsv($fp, 0, $separator, '"')) {
    if (count($data) == 1 && $data[0] === null) {
        continue;
    }
    $rows[] = $data;
}
$header = array_shift($rows);
$id = array_search($idheader, $header, true);
$grade = array_search($gradeheader, $header, true);
$modified = array_search($modifiedheader, $header, true);
$out = ['columns' => count($header), 'widths' => [], 'rows' => []];
foreach ($rows as $row) {
    $out['widths'][] = count($row);
    $raw = trim((string)$row[$grade]);
    $value = $raw === '' ? null : (float)str_replace($decsep, '.', str_replace(' ', '', $raw));
    $out['rows'][] = [
        'id' => substr($row[$id], strlen($hiddenuser)),
        'grade' => $value,
        'modified' => strtotime($row[$modified]),
    ];
}
echo json_encode($out), "\n";
