package dev.customergraph.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.mutation.Mutations;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * GraphQL multipart requests as Apollo's upload link sends them, and the images they
 * carry, made in the test with {@code javax.imageio}.
 */
final class PhotoUploads {

	static final String SET_PHOTO = """
			mutation SetPhoto($input: SetCustomerPhotoInput!) {
			  setCustomerPhoto(input: $input) {
			    customer { id version photo { url contentType byteSize width height } }
			    userErrors { code field message }
			  }
			}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebTestClient http;

	PhotoUploads(WebTestClient http) {
		this.http = http;
	}

	/** {@code setCustomerPhoto} with one file, as {@code variables.input.photo}. */
	Response setPhoto(String key, String customerId, byte[] file, String filename) {
		Map<String, Object> operations = Map.of("query", SET_PHOTO, "variables",
				Map.of("input", Mutations.input("customerId", customerId, "photo", null)));
		return send(key, JSON.writeValueAsString(operations), "{\"0\":[\"variables.input.photo\"]}", file, filename,
				true);
	}

	/**
	 * Any multipart request: its operations and map text, one file as part {@code 0},
	 * with or without the preflight header.
	 */
	Response send(String key, String operations, String map, byte[] file, String filename, boolean preflight) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("operations", operations);
		body.part("map", map);
		body.part("0", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(filename.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG);
		return RawGraphQl
			.exchange(this.http.post().uri("/graphql").header("Authorization", "Bearer " + key).headers((headers) -> {
				if (preflight) {
					headers.set("Apollo-Require-Preflight", "true");
				}
			}).accept(MediaType.APPLICATION_JSON).body(BodyInserters.fromMultipartData(body.build())));
	}

	/** A real JPEG of this size. */
	static byte[] jpeg(int width, int height) {
		return image("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
	}

	/** A real PNG of this size, with transparency. */
	static byte[] png(int width, int height) {
		return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
	}

	/**
	 * A 1 × 1 PNG whose header claims another size: a decompression bomb's first bytes
	 * (its checksum fixed, so only the size is wrong).
	 */
	static byte[] pngClaiming(int width, int height) {
		return pngClaiming(width, height, 8, 6);
	}

	/** The same, claiming also a bit depth and colour type (6: RGBA). */
	static byte[] pngClaiming(int width, int height, int bitDepth, int colourType) {
		byte[] png = png(1, 1);
		// signature (8), IHDR length (4) and type (4), then width, height, depth, colour
		writeInt(png, 16, width);
		writeInt(png, 20, height);
		png[24] = (byte) bitDepth;
		png[25] = (byte) colourType;
		CRC32 crc = new CRC32();
		crc.update(png, 12, 4 + 13);
		writeInt(png, 12 + 4 + 13, (int) crc.getValue());
		return png;
	}

	/**
	 * A real JPEG whose last scan is repeated until it has this many: every decoder pass
	 * over a large one would be another full pass over the image.
	 */
	static byte[] jpegWithScans(int scans) {
		byte[] jpeg = jpeg(16, 16);
		int sos = lastIndexOf(jpeg, (byte) 0xda);
		int eoi = jpeg.length - 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, eoi);
		for (int i = 1; i < scans; i++) {
			out.write(jpeg, sos - 1, eoi - (sos - 1));
		}
		out.write(jpeg, eoi, 2);
		return out.toByteArray();
	}

	private static int lastIndexOf(byte[] bytes, byte marker) {
		for (int at = bytes.length - 2; at > 0; at--) {
			if (bytes[at - 1] == (byte) 0xff && bytes[at] == marker) {
				return at;
			}
		}
		throw new IllegalStateException("No marker " + marker);
	}

	/** The file with these bytes after it: after a PNG's IEND or a JPEG's end marker. */
	static byte[] followedBy(byte[] image, byte[] trailer) {
		byte[] file = Arrays.copyOf(image, image.length + trailer.length);
		System.arraycopy(trailer, 0, file, image.length, trailer.length);
		return file;
	}

	/** A real PNG with one more chunk, of this type and size, just before its IEND. */
	static byte[] pngWithChunk(int width, int height, String type, int size) {
		return pngWithChunks(width, height, type, size, 1);
	}

	/** A real PNG with more chunks, of this type and size each, just before its IEND. */
	static byte[] pngWithChunks(int width, int height, String type, int size, int count) {
		byte[] png = png(width, height);
		byte[] data = new byte[size];
		new java.util.Random(size).nextBytes(data);
		byte[] chunk = new byte[12 + size];
		writeInt(chunk, 0, size);
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		System.arraycopy(name, 0, chunk, 4, 4);
		System.arraycopy(data, 0, chunk, 8, size);
		CRC32 crc = new CRC32();
		crc.update(chunk, 4, 4 + size);
		writeInt(chunk, 8 + size, (int) crc.getValue());
		int iend = png.length - 12;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, iend);
		for (int i = 0; i < count; i++) {
			out.write(chunk, 0, chunk.length);
		}
		out.write(png, iend, 12);
		return out.toByteArray();
	}

	/** The first bytes of a PNG, then what is not one. */
	static byte[] brokenPng() {
		byte[] png = png(32, 32);
		byte[] broken = Arrays.copyOf(png, png.length);
		Arrays.fill(broken, 40, broken.length, (byte) 7);
		return broken;
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

	private static byte[] image(String format, int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x2a, 0x6f, 0xdb, 0xc0));
		graphics.fillOval(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
