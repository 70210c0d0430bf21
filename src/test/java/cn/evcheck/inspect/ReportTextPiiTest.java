package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Personal data as the checks mask it (issue 11 part 3). */
class ReportTextPiiTest {
    @Test
    void idNumbersWithTheirCheckDigitMobilesAndEmails() {
        assertEquals(List.of("1101**********002X", "138****5678", "z***@163.com", "l***@gy.gov.cn"),
                ReportText.pii("身份证号110105194912310021改为11010519491231002X，手机13812345678，邮箱 zhangsan@163.com、li.si@gy.gov.cn"));
    }

    @Test
    void lookalikesAreNot() {
        // a wrong check digit, a 12-digit number, a landline, a version string and a bare @ mention
        assertEquals(List.of(), ReportText.pii("110105194912310022 编号201903051234 电话0518-86212345 版本1.2.3 @志愿者"));
    }
}
