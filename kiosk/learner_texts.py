"""Vietnamese words of "Gọi cán bộ hỗ trợ", the confidence questions and "Tập lại chỗ bác hay
nhầm": what the core says and shows to citizens, and tells staff. Kept in one place."""

# --- a helper, for the citizen -----------------------------------------------------------------
HELP_ASKED = "Đã báo cán bộ, bác chờ một chút nhé."
HELP_WAITING = "Cán bộ đã được báo rồi, bác chờ một chút nhé. Bác vẫn học tiếp được trong lúc chờ."
HELP_COMING = "Cán bộ đang đến, bác chờ một chút nhé."

# --- a helper, for staff (the staff panel and help_command's HOCVUSO_HELP_MESSAGE) ---------------
HELP_AT_STEP = "Bác đang ở bước {n}/{total} — {step}"
HELP_ON_MENU = "Bác đang ở danh sách bài học, chưa vào bài nào."
HELP_MESSAGES = {  # by event
    "asked": "{kiosk}: có người cần cán bộ hỗ trợ. {where}",
    "again": "{kiosk}: người học vẫn đang chờ cán bộ. {where}",
    "coming": "{kiosk}: cán bộ đang đến hỗ trợ.",
    "helped": "{kiosk}: cán bộ đã hỗ trợ xong.",
    "left": "{kiosk}: người học đã rời trạm trước khi được hỗ trợ.",
}
HELP_COMMAND_FAILED = ("Lệnh báo cán bộ (help_command) không chạy được lúc {at}: {reason}. Yêu cầu hỗ trợ vẫn hiện "
                       "ở đây và trạm vẫn phát chuông. Hãy báo cán bộ kỹ thuật.")
HELP_COMMAND_TIMEOUT = "lệnh chạy quá {seconds} giây nên đã bị dừng"
HELP_COMMAND_EXIT = "lệnh báo lỗi (mã {code})"
HELP_COMMAND_NOT_RUN = "không chạy được lệnh ({detail})"

# --- the confidence questions -------------------------------------------------------------------
CONFIDENT = "Bác tự tin dùng việc này trên điện thoại của mình đến đâu?"
WILL_TRY = "Bác có định tự làm trên điện thoại thật không?"
FACES = ((1, "Chưa tự tin", "worried"), (2, "Hơi tự tin", "unsure"), (3, "Rất tự tin", "happy"))
YES_NO = ((1, "Có"), (0, "Chưa"))
BEFORE_HEADING = "Trước khi học"
AFTER_HEADING = "Sau khi học"
BEFORE_LEAD = "Bác sắp học bài «{title}»."
AFTER_LEAD = "Bác đã học xong bài «{title}»."
FACES_HOW = "Bác chạm vào một khuôn mặt: Chưa tự tin, Hơi tự tin, hay Rất tự tin. Không muốn trả lời thì chạm Bỏ qua."
YES_NO_HOW = "Bác chạm Có hoặc Chưa. Không muốn trả lời thì chạm Bỏ qua."
THANKS = "Cảm ơn bác."

# --- practising again (after a practice-slip code) ---------------------------------------------
PRACTICE_TITLE = "Tập lại chỗ bác hay nhầm"
PRACTICE_LESSON = "Tập lại: {title}"
PRACTICE_OFFERED = "Mã đúng rồi. Bác chạm vào mục Tập lại chỗ bác hay nhầm để tập lại những bước lần trước còn vướng."
PRACTICE_TOO = "Bác cũng có thể chạm vào mục Tập lại chỗ bác hay nhầm."
PRACTICE_START = "Mình tập lại {steps} bước lần trước bác hay nhầm."
PRACTICE_NEXT_LESSON = "Tiếp theo là bài «{title}»."
PRACTICE_DONE = "Bác đã tập lại xong những chỗ hay nhầm. Bác làm tốt lắm!"
PRACTICE_RECAP = "{title}: đã tập lại {steps} bước"

# What the kiosk says of these, for recording (kiosk.spoken_lines): as they are, and per lesson title
SPOKEN = (HELP_ASKED, HELP_WAITING, HELP_COMING, CONFIDENT, FACES_HOW, WILL_TRY, YES_NO_HOW, THANKS,
          PRACTICE_OFFERED, PRACTICE_TOO, PRACTICE_DONE)
SPOKEN_PER_LESSON = (BEFORE_LEAD, AFTER_LEAD, PRACTICE_NEXT_LESSON)
