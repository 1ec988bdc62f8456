package vn.urbanorder.testing;

import com.microsoft.playwright.Browser;

/** The screens browser tests look through: a cheap Android phone, a 10-inch tablet, and a desk's monitor. */
public enum Screen {
    /** 360×640 CSS pixels at twice the density, touch, the mobile viewport rules. */
    PHONE(360, 640, 2, true),
    /** A 10-inch tablet held upright, as inspectors carry one on a round. */
    TABLET(800, 1280, 2, true),
    /** A ward office's monitor. */
    DESK(1280, 800, 1, false);

    private final int width;
    private final int height;
    private final double density;
    private final boolean mobile;

    Screen(int width, int height, double density, boolean mobile) {
        this.width = width;
        this.height = height;
        this.density = density;
        this.mobile = mobile;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean mobile() {
        return mobile;
    }

    Browser.NewContextOptions options() {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(density)
                .setIsMobile(mobile)
                .setHasTouch(mobile);
    }
}
