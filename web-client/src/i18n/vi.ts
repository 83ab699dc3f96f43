// Vietnamese catalogue — the default language. Its keys define MessageKey; en.ts must have exactly the same keys.
// Placeholders are written {name}; plural forms end in .one / .other (Vietnamese uses .other only, .one mirrors it).
export const vi = {
    'app.name': 'TeleConsult',
    'app.tagline': 'Hội chẩn từ xa giữa bệnh viện hạt nhân và bệnh viện vệ tinh',
    'app.skipToContent': 'Chuyển đến nội dung chính',
    'app.loading': 'Đang tải…',
    'app.retry': 'Thử lại',
    'app.comingSoon': 'Sắp có',
    'app.notFound.title': 'Không tìm thấy trang',
    'app.notFound.body': 'Địa chỉ này không tồn tại trong TeleConsult.',
    'app.notFound.home': 'Về trang chủ',

    'lang.label': 'Ngôn ngữ',
    'lang.vi': 'Tiếng Việt',
    'lang.en': 'English',

    'login.title': 'Đăng nhập',
    'login.intro': 'Đăng nhập bằng tài khoản do bệnh viện của bạn cấp.',
    'login.username': 'Tên đăng nhập',
    'login.password': 'Mật khẩu',
    'login.showPassword': 'Hiện mật khẩu',
    'login.submit': 'Đăng nhập',
    'login.submitting': 'Đang đăng nhập…',
    'login.missingFields': 'Vui lòng nhập tên đăng nhập và mật khẩu.',
    'login.sessionExpired': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    'login.loggedOut': 'Bạn đã đăng xuất.',
    'login.error.invalidCredentials': 'Sai tên đăng nhập hoặc mật khẩu.',
    'login.error.tooManyAttempts.one': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {count} phút.',
    'login.error.tooManyAttempts.other': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {count} phút.',
    'login.error.tooManyAttemptsNoDelay': 'Đăng nhập sai quá nhiều lần. Vui lòng đợi một lát rồi thử lại.',

    'error.unreachable': 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    'error.badRequest': 'Yêu cầu không hợp lệ. Vui lòng kiểm tra thông tin đã nhập.',
    'error.unauthorized': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
    'error.notFound': 'Không tìm thấy dữ liệu được yêu cầu.',
    'error.conflict': 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
    'error.tooLarge': 'Dữ liệu gửi lên quá lớn.',
    'error.tooManyRequests': 'Quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.',
    'error.server': 'Máy chủ gặp sự cố. Vui lòng thử lại sau ít phút.',
    'error.unexpectedResponse': 'Máy chủ trả lời không như mong đợi. Vui lòng thử lại.',

    'header.userMenu': 'Tài khoản',
    'header.logout': 'Đăng xuất',
    'header.noHospital': 'Không thuộc bệnh viện nào',

    'role.ADMIN': 'Quản trị viên',
    'role.COORDINATOR': 'Điều phối viên',
    'role.HUB_SPECIALIST': 'Bác sĩ chuyên khoa tuyến trên',
    'role.SATELLITE_DOCTOR': 'Bác sĩ bệnh viện vệ tinh',
    'role.PATIENT': 'Người bệnh',

    'hospitalKind.HUB': 'Bệnh viện hạt nhân',
    'hospitalKind.SATELLITE': 'Bệnh viện vệ tinh',

    'home.greeting': 'Xin chào, {name}',
    'home.intro': 'Đây là những việc bạn sẽ làm được trên TeleConsult.',
    'home.noRoles': 'Tài khoản của bạn chưa được gán vai trò nào. Vui lòng liên hệ quản trị viên.',

    'home.SATELLITE_DOCTOR.title': 'Yêu cầu hội chẩn của tôi',
    'home.SATELLITE_DOCTOR.create': 'Tạo yêu cầu hội chẩn cho người bệnh, chọn mức độ khẩn và chuyên khoa',
    'home.SATELLITE_DOCTOR.attach': 'Đính kèm phim chụp (CT, MRI…) tải lên từ máy tính hoặc lấy từ PACS của bệnh viện',
    'home.SATELLITE_DOCTOR.follow': 'Theo dõi trạng thái từng yêu cầu',
    'home.SATELLITE_DOCTOR.join': 'Tham gia phiên hội chẩn trực tuyến có video',
    'home.SATELLITE_DOCTOR.report': 'Đọc biên bản hội chẩn đã ký',

    'home.COORDINATOR.title': 'Danh sách công việc',
    'home.COORDINATOR.incoming': 'Xem các yêu cầu hội chẩn gửi đến từ bệnh viện vệ tinh',
    'home.COORDINATOR.triage': 'Phân loại theo mức độ khẩn và chuyên khoa',
    'home.COORDINATOR.assign': 'Phân công bác sĩ chuyên khoa',
    'home.COORDINATOR.schedule': 'Theo dõi lịch các phiên hội chẩn',

    'home.HUB_SPECIALIST.title': 'Ca bệnh của tôi',
    'home.HUB_SPECIALIST.accept': 'Nhận các ca được phân công',
    'home.HUB_SPECIALIST.book': 'Đặt phiên hội chẩn vào khung giờ còn trống',
    'home.HUB_SPECIALIST.review': 'Cùng xem phim chụp với bác sĩ tuyến dưới qua video',
    'home.HUB_SPECIALIST.sign': 'Viết và ký biên bản hội chẩn',

    'home.PATIENT.title': 'Lịch hẹn của tôi',
    'home.PATIENT.find': 'Tìm khung giờ khám còn trống tại bệnh viện',
    'home.PATIENT.book': 'Đặt lịch khám trực tiếp hoặc khám qua video',
    'home.PATIENT.confirm': 'Nhận xác nhận lịch hẹn',
    'home.PATIENT.join': 'Tham gia buổi khám qua video',

    'home.ADMIN.title': 'Bệnh viện, người dùng, nhật ký truy vết',
    'home.ADMIN.hospitals': 'Quản lý bệnh viện và liên kết giữa bệnh viện hạt nhân với bệnh viện vệ tinh',
    'home.ADMIN.users': 'Quản lý người dùng và vai trò',
    'home.ADMIN.nodes': 'Cấu hình nút DICOM và máy chủ video',
    'home.ADMIN.audit': 'Xem nhật ký truy vết mọi lần truy cập dữ liệu người bệnh',
} as const;

export type MessageKey = keyof typeof vi;
