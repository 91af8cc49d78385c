package org.socialwork.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Office Open XML spreadsheet of a {@link Table}, written with the streaming workbook so a long
 * export keeps only a window of rows in memory. Numbers become numeric cells (so they sum and sort
 * in the spreadsheet); all other values become string cells, which a spreadsheet shows as text and
 * never evaluates, so a user-supplied name starting with "=" needs no defusing here.
 */
final class Xlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int ROWS_IN_MEMORY = 100;

    private Xlsx() {
    }

    static byte[] write(Table table) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.fileName()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.header().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.header().get(i));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> cells : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
